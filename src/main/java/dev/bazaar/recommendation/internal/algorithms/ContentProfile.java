package dev.bazaar.recommendation.internal.algorithms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Content-based filtering as in the seed: a user profile of category weights, brand weights and a price range, and
 * a product's score = category weight × brand weight × price fit. The seed's example, {electronics: 0.8, clothing:
 * 0.1, Apple: 0.9, Samsung: 0.3, price range 500-1500}, scores an Apple product at 1,000 0.8 × 0.9 × 1.0 = 0.72.
 *
 * <p>From a history, a category's (or brand's) weight is its share of the user's purchases. The price range runs
 * from the low to the high percentile of the prices paid, widened (by default to half the low and 1.5 times the
 * high: one purchase at 1,000 gives the seed's 500-1,500). Inside the range the fit is 1; outside it falls with the
 * ratio of the price to the nearest bound, but not below a floor (0.5 by default, the seed's fit for a 50 product
 * against 500-1,500): price alone should not hide an item of a loved category.
 */
public final class ContentProfile {

    /**
     * @param brandFloor weight of a brand the user has not bought (0 in the seed's example, where Nike scores 0)
     * @param lowPercentile percentile of paid prices giving the range's low end, before widening
     * @param highPercentile percentile of paid prices giving the range's high end, before widening
     * @param lowWidening the low end is multiplied by this
     * @param highWidening the high end is multiplied by this
     * @param priceFitFloor the lowest price fit of a product outside the range
     */
    public record Settings(
            double brandFloor,
            double lowPercentile,
            double highPercentile,
            BigDecimal lowWidening,
            BigDecimal highWidening,
            double priceFitFloor) {

        public Settings {
            if (brandFloor < 0 || brandFloor > 1 || priceFitFloor < 0 || priceFitFloor > 1) {
                throw new IllegalArgumentException("floors are between 0 and 1");
            }
            if (lowPercentile < 0 || highPercentile > 100 || lowPercentile > highPercentile) {
                throw new IllegalArgumentException("percentiles must satisfy 0 <= low <= high <= 100");
            }
            if (lowWidening.signum() < 0 || highWidening.compareTo(BigDecimal.ONE) < 0) {
                throw new IllegalArgumentException("widening may lower the low end and raise the high end only");
            }
        }

        public static Settings defaults() {
            return new Settings(0.1, 10, 90, new BigDecimal("0.5"), new BigDecimal("1.5"), 0.5);
        }

        public Settings withBrandFloor(double floor) {
            return new Settings(floor, lowPercentile, highPercentile, lowWidening, highWidening, priceFitFloor);
        }
    }

    private final Map<String, Double> categoryWeights;
    private final Map<String, Double> brandWeights;
    private final BigDecimal lowPrice;
    private final BigDecimal highPrice;
    private final Settings settings;

    private ContentProfile(
            Map<String, Double> categoryWeights,
            Map<String, Double> brandWeights,
            BigDecimal lowPrice,
            BigDecimal highPrice,
            Settings settings) {
        this.categoryWeights = Map.copyOf(categoryWeights);
        this.brandWeights = Map.copyOf(brandWeights);
        this.lowPrice = lowPrice;
        this.highPrice = highPrice;
        this.settings = settings;
    }

    /** A profile with explicit weights and price range, such as the seed's example. */
    public static ContentProfile of(
            Map<String, Double> categoryWeights,
            Map<String, Double> brandWeights,
            BigDecimal lowPrice,
            BigDecimal highPrice,
            Settings settings) {
        if (lowPrice.compareTo(highPrice) > 0) {
            throw new IllegalArgumentException("the price range is reversed");
        }
        return new ContentProfile(categoryWeights, brandWeights, lowPrice, highPrice, settings);
    }

    /** The profile of a purchase history; a product bought twice counts twice. */
    public static ContentProfile fromHistory(Collection<? extends ProductFeatures<?>> history, Settings settings) {
        if (history.isEmpty()) {
            return new ContentProfile(Map.of(), Map.of(), BigDecimal.ZERO, BigDecimal.ZERO, settings);
        }
        Map<String, Double> categories = new HashMap<>();
        Map<String, Double> brands = new HashMap<>();
        double share = 1.0 / history.size();
        List<BigDecimal> prices = new ArrayList<>();
        for (ProductFeatures<?> product : history) {
            categories.merge(product.category(), share, Double::sum);
            brands.merge(product.brand(), share, Double::sum);
            prices.add(product.price());
        }
        prices.sort(Comparator.naturalOrder());
        BigDecimal low = percentile(prices, settings.lowPercentile()).multiply(settings.lowWidening());
        BigDecimal high = percentile(prices, settings.highPercentile()).multiply(settings.highWidening());
        return new ContentProfile(categories, brands, low, high, settings);
    }

    /** Nearest-rank percentile of ascending values. */
    private static BigDecimal percentile(List<BigDecimal> ascending, double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * ascending.size());
        return ascending.get(Math.max(0, Math.min(ascending.size() - 1, rank - 1)));
    }

    public boolean isEmpty() {
        return categoryWeights.isEmpty();
    }

    public double categoryWeight(String category) {
        return categoryWeights.getOrDefault(category, 0.0);
    }

    public double brandWeight(String brand) {
        return Math.max(settings.brandFloor(), brandWeights.getOrDefault(brand, 0.0));
    }

    public BigDecimal lowPrice() {
        return lowPrice;
    }

    public BigDecimal highPrice() {
        return highPrice;
    }

    /** 1 inside the range; outside, the ratio of price to the nearer bound, but at least the floor. */
    public double priceFit(BigDecimal price) {
        if (price.compareTo(lowPrice) >= 0 && price.compareTo(highPrice) <= 0) {
            return 1.0;
        }
        // a factor of a score, not an amount of money: a double ratio is exact enough, and a BigDecimal division
        // per candidate was most of the cost of scoring
        double ratio = price.compareTo(lowPrice) < 0
                ? price.doubleValue() / lowPrice.doubleValue()
                : highPrice.doubleValue() / price.doubleValue();
        return Math.max(settings.priceFitFloor(), ratio);
    }

    public double score(ProductFeatures<?> product) {
        double category = categoryWeight(product.category());
        return category == 0 ? 0 : category * brandWeight(product.brand()) * priceFit(product.price());
    }

    /**
     * The n best-scoring candidates with a positive score, never one of {@code exclude}. Equal scores keep the
     * candidates' order, so a caller passing them by popularity gets "popular in your categories" among ties.
     */
    public <I> List<ScoredItem<I>> recommend(List<ProductFeatures<I>> candidates, int n, Set<I> exclude) {
        return recommend(ContentCandidates.of(candidates), n, exclude);
    }

    /** As above, looking only at the candidates of the profile's categories (the others score zero). */
    public <I> List<ScoredItem<I>> recommend(ContentCandidates<I> candidates, int n, Set<I> exclude) {
        record Scored<I>(int position, I item, double score) {}
        List<Scored<I>> scored = new ArrayList<>();
        for (String category : categoryWeights.keySet()) {
            for (ContentCandidates.Ranked<I> candidate : candidates.inCategory(category)) {
                if (!exclude.contains(candidate.features().item())) {
                    double score = score(candidate.features());
                    if (score > 0) {
                        scored.add(new Scored<>(
                                candidate.position(), candidate.features().item(), score));
                    }
                }
            }
        }
        scored.sort(Comparator.comparingDouble((Scored<I> s) -> s.score())
                .reversed()
                .thenComparingInt(Scored::position));
        return scored.stream()
                .limit(n)
                .map(s -> ScoredItem.of(s.item(), s.score()))
                .toList();
    }
}
