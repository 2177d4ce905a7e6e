package org.equalityledger.service.domain.maker;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.equalityledger.api.common.RuleViolationException.broken;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.equalityledger.api.maker.CommitmentMakerRegistered;
import org.equalityledger.api.maker.Hemisphere;
import org.equalityledger.api.maker.RegisterCommitmentMaker;
import org.equalityledger.api.maker.StakeholderGroup;
import org.equalityledger.service.domain.MakerFacts;
import org.equalityledger.service.domain.Permissions;

/** A government, organisation or company that makes commitments. */
@Aggregate
public class CommitmentMaker {

    @AggregateIdentifier
    private String makerId;
    private String name;
    private StakeholderGroup stakeholderGroup;
    private Hemisphere hemisphere;
    private String country;

    protected CommitmentMaker() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterCommitmentMaker command) {
        Permissions.secretariatOrAllyOf(command.actor(), command.makerId(), "register a commitment maker");
        if (stakeholderGroup != null) {
            throw broken("maker.already-registered", "commitment maker %s is registered already", makerId);
        }
        apply(new CommitmentMakerRegistered(command.makerId(), command.name(), command.stakeholderGroup(),
                command.hemisphere(), command.country(), command.actor().userId()));
    }

    public MakerFacts facts() {
        return new MakerFacts(makerId, name, stakeholderGroup, hemisphere, country);
    }

    @EventSourcingHandler
    void on(CommitmentMakerRegistered event) {
        makerId = event.makerId();
        name = event.name();
        stakeholderGroup = event.stakeholderGroup();
        hemisphere = event.hemisphere();
        country = event.country();
    }
}
