package org.equalityledger.service.site.workspace.secretariat;

import java.util.List;

import org.equalityledger.projections.rebuild.Rebuilds;
import org.equalityledger.service.site.SiteContext;
import org.equalityledger.service.site.workspace.Submissions;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Rebuilding a read model from the events, as {@code /api/projections} does it (the same {@link Rebuilds}),
 * with its progress: position reached of how many, events per second, time left. The page shows it as of
 * its loading, with a link to look again; with JavaScript, htmx replaces the figures every second.
 */
@Controller
public class RebuildPages {

    static final String BASE = "/workspace/secretariat/rebuilds";

    private final Rebuilds rebuilds;
    private final Submissions submissions;

    public RebuildPages(Rebuilds rebuilds, Submissions submissions) {
        this.rebuilds = rebuilds;
        this.submissions = submissions;
    }

    /** A projection's progress as the page shows it. */
    public record Shown(Rebuilds.Progress progress) {

        public String name() {
            return progress.projection();
        }

        public String state() {
            return progress.state().name();
        }

        public boolean running() {
            return progress.state() == Rebuilds.State.RUNNING;
        }

        /** Events applied, and of how many: the ledger's positions count from 0. */
        public long done() {
            return Math.max(0, Math.min(progress.position() + 1, total()));
        }

        public long total() {
            return Math.max(0, progress.head() + 1);
        }

        public double share() {
            return total() == 0 ? 1.0 : (double) done() / total();
        }

        public long eventsPerSecond() {
            return Math.round(progress.eventsPerSecond());
        }

        public long minutesLeft() {
            return progress.secondsLeft() == null ? 0 : progress.secondsLeft() / 60;
        }

        public long secondsLeftInMinute() {
            return progress.secondsLeft() == null ? 0 : progress.secondsLeft() % 60;
        }
    }

    @GetMapping(BASE)
    String all(Model model) {
        List<Shown> projections = rebuilds.names().stream().map(n -> new Shown(rebuilds.progress(n))).toList();
        model.addAttribute("projections", projections);
        model.addAttribute("submission", Submissions.newKey());
        return "workspace/secretariat/rebuilds";
    }

    @PostMapping(BASE + "/{name}")
    String start(@PathVariable String name, HttpServletRequest request, @ModelAttribute("site") SiteContext site) {
        known(name);
        // Sent once: a resent form leads to the rebuild the first one started, and never starts another.
        return "redirect:" + submissions.once(request, () -> {
            rebuilds.start(name);
            return site.href(BASE + "/" + name);
        });
    }

    @GetMapping(BASE + "/{name}")
    String one(@PathVariable String name, Model model) {
        known(name);
        model.addAttribute("shown", new Shown(rebuilds.progress(name)));
        model.addAttribute("submission", Submissions.newKey());
        return "workspace/secretariat/rebuild";
    }

    /** The figures alone, for htmx to put in place of the page's every second while the rebuild runs. */
    @GetMapping(BASE + "/{name}/progress")
    String progress(@PathVariable String name, Model model) {
        known(name);
        model.addAttribute("shown", new Shown(rebuilds.progress(name)));
        model.addAttribute("submission", Submissions.newKey());
        return "workspace/secretariat/rebuild :: progress";
    }

    private void known(String name) {
        if (!rebuilds.knows(name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no projection " + name);
        }
    }
}
