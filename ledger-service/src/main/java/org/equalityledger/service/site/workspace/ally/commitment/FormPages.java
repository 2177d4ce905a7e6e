package org.equalityledger.service.site.workspace.ally.commitment;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.equalityledger.api.query.commitments.CommitmentView;
import org.equalityledger.api.reporting.ProgressStatus;
import org.equalityledger.service.site.SiteContext;
import org.equalityledger.service.site.workspace.FormErrors;
import org.equalityledger.service.site.workspace.Refusals;
import org.equalityledger.service.site.workspace.Submissions;
import org.springframework.ui.Model;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the commitment's forms share: shown with a fresh submission key and the commitment they change;
 * sent once; a refusal re-shows the form (422) with the values as sent and the rule beside its field;
 * a recorded form leads back to the commitment's page with a notice.
 */
final class FormPages {

    private FormPages() {
    }

    static String page(String id) {
        return "/workspace/ally/commitments/" + id;
    }

    /** The form's fields as sent, by name (the submission key and CSRF token aside). */
    static Map<String, String> values(HttpServletRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, sent) -> {
            if (!name.equals("_csrf") && !name.equals(Submissions.FIELD) && sent.length > 0) {
                values.put(name, sent[0]);
            }
        });
        return values;
    }

    static String show(Model model, String template, CommitmentView commitment, Map<String, String> values, String key,
                       FormErrors errors) {
        model.addAttribute("commitment", commitment);
        model.addAttribute("form", values);
        model.addAttribute("submission", key);
        model.addAttribute("errors", errors);
        model.addAttribute("reflects", commitment);
        model.addAttribute("statuses", ProgressStatus.values());
        return "workspace/ally/commitment/" + template;
    }

    /**
     * Sends the form's command once and answers the redirect to the commitment's page saying {@code done};
     * on a refusal, the form again with the refusal placed by {@code fieldOf}.
     */
    static String send(Submissions submissions, Refusals refusals, HttpServletRequest request, HttpServletResponse response,
                       SiteContext site, Model model, String template, CommitmentView commitment, String done,
                       Runnable command, UnaryOperator<String> fieldOf, Supplier<Map<String, Object>> more) {
        try {
            return "redirect:" + submissions.once(request, () -> {
                command.run();
                return site.href(page(commitment.commitmentId()), "done", done);
            });
        } catch (RuntimeException refused) {
            FormErrors errors = refusals.explain(refused, site.getLocale(), fieldOf);
            response.setStatus(422);
            more.get().forEach(model::addAttribute);
            return show(model, template, commitment, values(request), request.getParameter(Submissions.FIELD), errors);
        }
    }

    /** A number as a form field shows it: plain, without grouping, so that it reads back as it was. */
    static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /** A rule about the commitment's period, refused on the field that sets its end. */
    static boolean periodRule(String code) {
        return code.startsWith("commitment.period.");
    }
}
