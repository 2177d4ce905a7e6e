package org.equalityledger.service.site.initiative;

import java.util.Locale;

import org.equalityledger.api.query.dashboards.Dashboard;
import org.equalityledger.service.query.DashboardScopes;
import org.equalityledger.service.site.SiteContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The dashboards of the commitments of one stakeholder group, one region or one country, named in the
 * reader's language; the address names them as the API does (any case, {@code -} for {@code _}).
 */
@Controller
public class ScopePages {

    private final Reads reads;
    private final DashboardFigures figures;
    private final MessageSource messages;

    public ScopePages(Reads reads, DashboardFigures figures, MessageSource messages) {
        this.reads = reads;
        this.figures = figures;
        this.messages = messages;
    }

    @GetMapping("/stakeholder-groups/{group}")
    String group(@PathVariable String group, @ModelAttribute(name = "site", binding = false) SiteContext site, Model model) {
        String scope = DashboardScopes.group(group);
        return page(scope, "group", "stakeholder-groups", messages.getMessage("initiative.group." + code(scope), null, locale(site)), site, model);
    }

    @GetMapping("/regions/{region}")
    String region(@PathVariable String region, @ModelAttribute(name = "site", binding = false) SiteContext site, Model model) {
        String scope = DashboardScopes.region(region);
        return page(scope, "region", "regions", messages.getMessage("initiative.region." + code(scope), null, locale(site)), site, model);
    }

    @GetMapping("/countries/{country}")
    String country(@PathVariable String country, @ModelAttribute(name = "site", binding = false) SiteContext site, Model model) {
        String scope = DashboardScopes.country(country);
        return page(scope, "country", "countries", site.country(code(scope)), site, model);
    }

    /** {@code kind}: the commitment list's filter; {@code path}: where the site and the API keep such dashboards. */
    private String page(String scope, String kind, String path, String name, SiteContext site, Model model) {
        Dashboard dashboard = reads.dashboard(scope, site.getAsOf());
        model.addAttribute("kind", kind);
        model.addAttribute("api", "/api/dashboards/" + path + "/" + code(scope));
        model.addAttribute("code", code(scope));
        model.addAttribute("name", name);
        model.addAttribute("figures", figures.view(dashboard, site, kind));
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("reflects", dashboard);
        return "initiative/scope";
    }

    private static String code(String scope) {
        return scope.substring(scope.indexOf(':') + 1);
    }

    private static Locale locale(SiteContext site) {
        return Locale.forLanguageTag(site.getLang());
    }
}
