package org.equalityledger.service.site;

import org.equalityledger.service.audit.LedgerSealer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * How a reader checks the figures: every page links here. It shows the latest signed checkpoint and
 * the commands that verify the whole ledger, or one event, offline against it.
 */
@Controller
public class VerifyPage {

    private final LedgerSealer sealer;

    public VerifyPage(LedgerSealer sealer) {
        this.sealer = sealer;
    }

    @GetMapping("/verify")
    String verify(Model model) {
        model.addAttribute("checkpoint", sealer.latest().orElse(null));
        return "verify";
    }
}
