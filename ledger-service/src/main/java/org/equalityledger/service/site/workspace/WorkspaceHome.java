package org.equalityledger.service.site.workspace;

import java.util.ArrayList;
import java.util.List;

import org.equalityledger.api.common.Actor;
import org.equalityledger.api.common.Role;
import org.equalityledger.service.security.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where signing in leads: the workspaces of the signed-in person's roles, each a section of its own
 * ({@code /workspace/ally}, {@code /workspace/leader}, {@code /workspace/secretariat}, {@code /workspace/auditor}).
 */
@Controller
public class WorkspaceHome {

    /** The workspace sections in the order they are shown, each with the role that opens it. */
    public static final List<Role> SECTIONS = List.of(Role.ALLY, Role.LEADER, Role.SECRETARIAT, Role.AUDITOR);

    private final CurrentActor currentActor;

    public WorkspaceHome(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @GetMapping("/workspace")
    String home(Model model) {
        Actor actor = currentActor.get();
        List<String> sections = new ArrayList<>();
        for (Role role : SECTIONS) {
            if (actor.has(role)) {
                sections.add(section(role));
            }
        }
        model.addAttribute("actor", actor);
        model.addAttribute("sections", sections);
        return "workspace/home";
    }

    /** A role's section name in addresses and message keys: {@code ally}, {@code leader}, … */
    public static String section(Role role) {
        return role.name().toLowerCase(java.util.Locale.ROOT);
    }
}
