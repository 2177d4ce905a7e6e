package org.equalityledger.service.site.workspace.ally;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.common.Actor;
import org.equalityledger.api.query.makers.MakerById;
import org.equalityledger.api.query.makers.MakerProfile;
import org.equalityledger.service.security.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The ally's workspace: the commitment makers it acts for, and what it can do for them. */
@Controller
public class AllyHome {

    private final CurrentActor currentActor;
    private final QueryGateway queries;

    public AllyHome(CurrentActor currentActor, QueryGateway queries) {
        this.currentActor = currentActor;
        this.queries = queries;
    }

    @GetMapping("/workspace/ally")
    String home(@RequestParam(required = false) String registered, Model model) {
        Actor actor = currentActor.get();
        List<MakerProfile> makers = new ArrayList<>();
        for (String makerId : actor.makers()) {
            queries.query(new MakerById(makerId), ResponseTypes.optionalInstanceOf(MakerProfile.class)).join()
                    .ifPresent(makers::add);
        }
        model.addAttribute("makers", makers);
        model.addAttribute("registered", registered);
        return "workspace/ally/home";
    }
}
