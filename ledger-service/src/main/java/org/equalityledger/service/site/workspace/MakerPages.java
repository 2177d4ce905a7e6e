package org.equalityledger.service.site.workspace;

import java.util.Locale;

import org.equalityledger.api.maker.Hemisphere;
import org.equalityledger.api.maker.StakeholderGroup;
import org.equalityledger.service.site.SiteContext;
import org.equalityledger.service.web.MakerRegistration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An ally registers the commitment maker it acts for (and acts for it from then on); the secretariat
 * registers any maker. The pattern of every workspace form: shown with a
 * fresh submission key, sent once ({@link Submissions}), refused with the rule's words beside the field
 * ({@link Refusals}) and the values kept, and on success a redirect to what was recorded.
 */
@Controller
public class MakerPages {

    /** The form's fields as sent; enums stay text so that a bad value is the form's to explain. */
    public record MakerForm(String name, String stakeholderGroup, String hemisphere, String country) {
        static MakerForm empty() {
            return new MakerForm("", null, null, "");
        }
    }

    private final MakerRegistration registration;
    private final Submissions submissions;
    private final Refusals refusals;

    public MakerPages(MakerRegistration registration, Submissions submissions, Refusals refusals) {
        this.registration = registration;
        this.submissions = submissions;
        this.refusals = refusals;
    }

    @GetMapping("/workspace/{section:ally|secretariat}/makers/new")
    String form(@PathVariable String section, Model model) {
        return show(model, section, MakerForm.empty(), Submissions.newKey(), FormErrors.NONE);
    }

    @PostMapping("/workspace/{section:ally|secretariat}/makers/new")
    String register(@PathVariable String section, MakerForm form, HttpServletRequest request, HttpServletResponse response,
                    @ModelAttribute("site") SiteContext site, Model model) {
        try {
            return "redirect:" + submissions.once(request, () -> {
                String makerId = registration.register(form.name(),
                        parse(StakeholderGroup.class, form.stakeholderGroup()), parse(Hemisphere.class, form.hemisphere()),
                        form.country() == null ? null : form.country().strip().toUpperCase(Locale.ROOT));
                return "ally".equals(section) ? site.href("/workspace/ally", "registered", makerId)
                        : site.href("/commitment-makers/" + makerId);
            });
        } catch (RuntimeException refused) {
            FormErrors errors = refusals.explain(refused, site.getLocale(), field -> switch (field) {
                case "name", "stakeholderGroup", "hemisphere", "country" -> field;
                default -> null;
            });
            response.setStatus(422);
            return show(model, section, form, request.getParameter(Submissions.FIELD), errors);
        }
    }

    private static String show(Model model, String section, MakerForm form, String key, FormErrors errors) {
        model.addAttribute("section", section);
        model.addAttribute("form", form);
        model.addAttribute("submission", key);
        model.addAttribute("errors", errors);
        model.addAttribute("groups", StakeholderGroup.values());
        model.addAttribute("hemispheres", Hemisphere.values());
        return "workspace/maker-form";
    }

    /** A choice the form offers, or null for none or a value it never offered (the command names it required). */
    public static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException notOffered) {
            return null;
        }
    }
}
