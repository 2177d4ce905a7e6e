package org.equalityledger.service.site.workspace;

import org.equalityledger.service.security.DemoAccounts;
import org.equalityledger.service.security.LedgerSecurityProperties;
import org.equalityledger.service.store.LedgerStoreProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in form (Spring Security checks what it sends), with the demo accounts listed where they exist. */
@Controller
public class SignInPage {

    private final boolean demo;

    public SignInPage(LedgerSecurityProperties security, LedgerStoreProperties store) {
        this.demo = DemoAccounts.enabled(security, store);
    }

    @GetMapping("/login")
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) Long held,
                  @RequestParam(required = false) String logout, Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("heldSeconds", held == null || held < 1 ? null : held);
        model.addAttribute("demoAccounts", demo ? DemoAccounts.ACCOUNTS : java.util.List.of());
        return "workspace/login";
    }
}
