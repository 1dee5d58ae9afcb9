package dev.bazaar.web.internal.storefront;

import dev.bazaar.search.CatalogSearch;
import dev.bazaar.search.CatalogSearch.Suggestion;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** Search results with facets, sort and pages; and the suggestions shown while typing. */
@Controller
class SearchPage {

    private final CatalogSearch search;

    SearchPage(CatalogSearch search) {
        this.search = search;
    }

    @GetMapping("/search")
    String results(@ModelAttribute("params") ListingParameters params, Model model) {
        CatalogSearch.Results results = search.search(params.query(null));
        model.addAttribute("q", params.q());
        model.addAttribute("results", results);
        model.addAttribute("links", params.links("/search", true));
        return "storefront/search";
    }

    @GetMapping("/search/suggestions")
    String suggestions(@RequestParam(name = "q", required = false) String q, Model model) {
        List<Suggestion> suggestions = q == null || q.strip().length() < 2 ? List.of() : search.suggest(q, 8);
        model.addAttribute("suggestions", suggestions);
        return "storefront/fragments :: suggestions";
    }
}
