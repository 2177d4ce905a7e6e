package org.equalityledger.service.site.lists;

import java.util.Arrays;

import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.maker.Hemisphere;
import org.equalityledger.api.maker.StakeholderGroup;
import org.equalityledger.api.query.makers.ListMakers;
import org.equalityledger.api.query.makers.MakerPage;
import org.equalityledger.projections.reference.Regions;
import org.equalityledger.service.query.MakerQueryController;
import org.equalityledger.service.query.Queries;
import org.equalityledger.service.site.SiteContext;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** The commitment makers, searched by name and filtered as the API filters them, in pages, with the CSV and JSON of what is shown. */
@Controller
public class MakerListPage {

    private final QueryGateway queries;

    public MakerListPage(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/commitment-makers")
    String makers(@RequestParam(required = false) String text, @RequestParam(required = false) String group,
                  @RequestParam(required = false) String country, @RequestParam(required = false) String region,
                  @RequestParam(required = false) String hemisphere, @RequestParam(defaultValue = "0") int page,
                  @RequestParam(defaultValue = "25") int size, @ModelAttribute("site") SiteContext site, Model model) {
        ListMakers query = MakerQueryController.query(Lists.given(text), named(group, StakeholderGroup.class), Lists.given(country),
                Lists.given(region), named(hemisphere, Hemisphere.class), site.getAsOf(), page, size);
        MakerPage answer = Queries.answer(queries, query, MakerPage.class);
        Object[] pairs = {"text", query.text(), "group", query.group(), "country", query.country(), "region", query.region(),
                "hemisphere", query.hemisphere()};
        Object[] paged = Arrays.copyOf(pairs, pairs.length + 4);
        paged[pairs.length] = "page";
        paged[pairs.length + 1] = page;
        paged[pairs.length + 2] = "size";
        paged[pairs.length + 3] = size;

        model.addAttribute("answer", answer);
        model.addAttribute("reflects", answer);
        model.addAttribute("query", query);
        model.addAttribute("page", page);
        model.addAttribute("size", size);
        model.addAttribute("sizes", Lists.SIZES);
        model.addAttribute("last", Math.max(0, (answer.total() - 1) / size));
        model.addAttribute("groups", Arrays.stream(StakeholderGroup.values()).map(Enum::name).toList());
        model.addAttribute("hemispheres", Arrays.stream(Hemisphere.values()).map(Enum::name).toList());
        model.addAttribute("regions", Regions.shipped().names());
        model.addAttribute("csv", Lists.api("/api/commitment-makers/export.csv", site.getAsOf(), pairs));
        model.addAttribute("json", Lists.api("/api/commitment-makers", site.getAsOf(), paged));
        return "lists/makers";
    }

    /** An enum's constant by its name, any case; a name that names none is a bad address (400), as in the API. */
    private static <E extends Enum<E>> E named(String value, Class<E> names) {
        String given = Lists.given(value);
        return given == null ? null : Enum.valueOf(names, given.toUpperCase(java.util.Locale.ROOT));
    }
}
