package org.equalityledger.service.site.lists;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.commitment.CommitmentStatus;
import org.equalityledger.api.commitment.CommitmentType;
import org.equalityledger.api.maker.StakeholderGroup;
import org.equalityledger.api.query.commitments.CommitmentFilter;
import org.equalityledger.api.query.commitments.CommitmentList;
import org.equalityledger.api.query.commitments.CommitmentPage;
import org.equalityledger.projections.reference.Regions;
import org.equalityledger.service.query.CommitmentQueryController;
import org.equalityledger.service.query.Queries;
import org.equalityledger.service.site.SiteContext;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The commitments, searched and filtered as the API filters them, in pages, with the CSV and JSON of
 * exactly what is shown (the same filters, the same instant). The filters are a GET form: the address
 * is the search, to share or bookmark.
 */
@Controller
public class CommitmentListPage {

    private final QueryGateway queries;

    public CommitmentListPage(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/commitments")
    String commitments(@RequestParam(required = false) String initiative, @RequestParam(required = false) String action,
                       @RequestParam(required = false) String group, @RequestParam(required = false) String country,
                       @RequestParam(required = false) String region, @RequestParam(required = false) String status,
                       @RequestParam(required = false) String type, @RequestParam(required = false) String maker,
                       @RequestParam(required = false) Integer year, @RequestParam(required = false) String text,
                       @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size,
                       @ModelAttribute("site") SiteContext site, Model model) {
        CommitmentFilter filter = CommitmentQueryController.filter(Lists.given(initiative), Lists.given(action),
                Lists.given(group), Lists.given(country), Lists.given(region), Lists.given(status), Lists.given(type),
                Lists.given(maker), year, Lists.given(text));
        CommitmentList query = CommitmentQueryController.query(filter, page, size, site.getAsOf());
        CommitmentPage answer = Queries.answer(queries, query, CommitmentPage.class);

        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("initiative", filter.initiative());
        shown.put("action", filter.action());
        shown.put("group", filter.group());
        shown.put("country", filter.country());
        shown.put("region", filter.region());
        shown.put("status", filter.status());
        shown.put("type", filter.type());
        shown.put("maker", filter.maker());
        shown.put("year", filter.year());
        shown.put("text", filter.text());
        Object[] pairs = shown.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray();
        Object[] paged = Arrays.copyOf(pairs, pairs.length + 4);
        paged[pairs.length] = "page";
        paged[pairs.length + 1] = page;
        paged[pairs.length + 2] = "size";
        paged[pairs.length + 3] = size;

        model.addAttribute("answer", answer);
        model.addAttribute("reflects", answer);
        model.addAttribute("filter", shown);
        model.addAttribute("page", page);
        model.addAttribute("size", size);
        model.addAttribute("sizes", Lists.SIZES);
        model.addAttribute("last", Math.max(0, (answer.total() - 1) / size));
        List<Lists.Option> initiatives = Lists.initiatives(queries, site.getAsOf());
        model.addAttribute("initiatives", initiatives);
        model.addAttribute("initiativeNames", Lists.InitiativeNames.of(site, initiatives));
        model.addAttribute("statuses", Arrays.stream(CommitmentStatus.values()).map(Enum::name).toList());
        model.addAttribute("types", Arrays.stream(CommitmentType.values()).map(Enum::name).toList());
        model.addAttribute("groups", Arrays.stream(StakeholderGroup.values()).map(Enum::name).toList());
        model.addAttribute("regions", Regions.shipped().names());
        model.addAttribute("csv", Lists.api("/api/commitments/export.csv", site.getAsOf(), pairs));
        model.addAttribute("json", Lists.api("/api/commitments", site.getAsOf(), paged));
        return "lists/commitments";
    }
}
