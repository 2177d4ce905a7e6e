package org.equalityledger.service.site.workspace.secretariat;

import java.util.List;

import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.query.initiatives.InitiativeList;
import org.equalityledger.api.query.initiatives.ListInitiatives;
import org.equalityledger.projections.rebuild.Rebuilds;
import org.equalityledger.service.query.Queries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The secretariat's workspace: the initiatives it set up, and the ways to the reporting cycles, the
 * US-dollar rates and the read side's rebuilds.
 */
@Controller
public class SecretariatHome {

    private final QueryGateway queries;
    private final Rebuilds rebuilds;

    public SecretariatHome(QueryGateway queries, Rebuilds rebuilds) {
        this.queries = queries;
        this.rebuilds = rebuilds;
    }

    @GetMapping("/workspace/secretariat")
    String home(Model model) {
        InitiativeList initiatives = Queries.answer(queries, new ListInitiatives(null, null), InitiativeList.class);
        List<Rebuilds.Progress> running = rebuilds.names().stream().map(rebuilds::progress)
                .filter(p -> p.state() == Rebuilds.State.RUNNING).toList();
        model.addAttribute("initiatives", initiatives.initiatives());
        model.addAttribute("reflects", initiatives);
        model.addAttribute("running", running);
        return "workspace/secretariat/home";
    }
}
