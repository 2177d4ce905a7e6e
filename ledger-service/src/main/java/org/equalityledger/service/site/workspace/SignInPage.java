package org.equalityledger.service.site.workspace;

import org.equalityledger.service.security.DemoAccounts;
import org.equalityledger.service.security.IssuerClientRegistration;
import org.equalityledger.service.security.LedgerSecurityProperties;
import org.equalityledger.service.store.LedgerStoreProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in form (Spring Security checks what it sends), with the demo accounts listed where they exist, and,
 * where the ledger has an OIDC issuer, the way to sign in through it.
 */
@Controller
public class SignInPage {

    /** Where Spring Security starts a sign-in through the issuer (the authorization request). */
    static final String THROUGH_THE_ISSUER = "/oauth2/authorization/" + IssuerClientRegistration.ID;

    private final boolean demo;
    private final String issuerName;

    public SignInPage(LedgerSecurityProperties security, LedgerStoreProperties store) {
        this.demo = DemoAccounts.enabled(security, store);
        this.issuerName = security.oidc() ? security.oidcProviderName() : null;
    }

    @GetMapping("/login")
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) Long held,
                  @RequestParam(required = false) String logout, @RequestParam(required = false) String oidc,
                  Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("heldSeconds", held == null || held < 1 ? null : held);
        model.addAttribute("demoAccounts", demo ? DemoAccounts.ACCOUNTS : java.util.List.of());
        model.addAttribute("issuerName", issuerName);
        model.addAttribute("throughTheIssuer", THROUGH_THE_ISSUER);
        // Why the last sign-in through the issuer did not end signed in: it refused, or it could not be reached.
        model.addAttribute("issuerProblem", issuerName == null || oidc == null ? null
                : "unavailable".equals(oidc) ? "unavailable" : "failed");
        return "workspace/login";
    }
}
