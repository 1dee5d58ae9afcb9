package dev.bazaar.search.internal.opensearch;

import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Time;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch.indices.IndexSettings;
import org.opensearch.client.opensearch.indices.IndexState;
import org.opensearch.client.opensearch.indices.update_aliases.Action;

/**
 * The concrete indices behind the product alias. Searches and writes go through the alias; a rebuild fills a new
 * index {@code <alias>-<timestamp>-<random>} and then moves the alias to it in one atomic {@code _aliases} call.
 * The catalog version a rebuild indexed is stored in the new index's mapping {@code _meta}, so it is read with the
 * index it describes.
 */
final class ProductIndices {

    private static final String CATALOG_VERSION = "catalogVersion";
    private static final DateTimeFormatter SUFFIX =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS").withZone(ZoneOffset.UTC);

    private final OpenSearchClient client;
    private final String alias;
    private final int shards;
    private final int replicas;
    private final String refreshInterval;
    private final IndexSettings analysis;
    private final String mappingsJson;

    ProductIndices(OpenSearchClient client, String alias, int shards, int replicas, Duration refreshInterval) {
        this.client = client;
        this.refreshInterval = refreshInterval.toMillis() + "ms";
        this.alias = alias;
        this.shards = shards;
        this.replicas = replicas;
        JsonpMapper mapper = client._transport().jsonpMapper();
        this.analysis = read("product-index-settings.json", in -> {
            try (JsonParser parser = mapper.jsonProvider().createParser(in)) {
                return IndexSettings._DESERIALIZER.deserialize(parser, mapper);
            }
        });
        this.mappingsJson = read("product-index-mappings.json", in -> new String(in.readAllBytes()));
    }

    String alias() {
        return alias;
    }

    /** The index the alias points to, with its catalog version (null if it has none); empty if there is none. */
    Optional<Served> served() throws IOException {
        for (Map.Entry<String, IndexState> index : ours().entrySet()) {
            if (index.getValue().aliases().containsKey(alias)) {
                TypeMapping mappings = index.getValue().mappings();
                JsonData version = mappings == null ? null : mappings.meta().get(CATALOG_VERSION);
                return Optional.of(new Served(index.getKey(), version == null ? null : version.to(String.class)));
            }
        }
        return Optional.empty();
    }

    /**
     * Creates an empty index holding the alias, unless the alias exists. Concurrent first writes of this instance
     * wait for each other; two instances starting at once may both try: OpenSearch allows one write index per
     * alias, so the second creation fails and finds the alias there.
     */
    synchronized void createAliasedIfMissing() throws IOException {
        if (client.indices().existsAlias(a -> a.name(alias)).value()) {
            return;
        }
        try {
            create(newName(), null, true);
        } catch (OpenSearchException | IOException e) {
            // the node answers the loser of the race with a 500 (a ResponseException, an IOException), not only
            // with an OpenSearchException; either way the alias is now there, or the failure is real
            if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
                throw e;
            }
        }
    }

    /** A new index for a rebuild: not refreshed and without replicas until {@link #readyToServe}. */
    String createForRebuild(String catalogVersion) throws IOException {
        String name = newName();
        create(name, catalogVersion, false);
        return name;
    }

    /** Gives a rebuilt index the refresh interval and replicas of a served one, and makes everything visible. */
    void readyToServe(String index) throws IOException {
        client.indices()
                .putSettings(s -> s.index(index)
                        .settings(i -> i.refreshInterval(Time.of(t -> t.time(refreshInterval)))
                                .numberOfReplicas(replicas)));
        client.indices().refresh(r -> r.index(index));
    }

    /** Moves the alias to {@code index} atomically, from whichever of our indices holds it now. */
    void moveAliasTo(String index) throws IOException {
        client.indices()
                .updateAliases(u -> u.actions(
                        Action.of(a ->
                                a.remove(r -> r.index(alias + "-*").alias(alias).mustExist(false))),
                        Action.of(
                                a -> a.add(add -> add.index(index).alias(alias).isWriteIndex(true)))));
    }

    void delete(List<String> indices) throws IOException {
        if (!indices.isEmpty()) {
            client.indices().delete(d -> d.index(indices).ignoreUnavailable(true));
        }
    }

    /**
     * Indices of ours that hold no alias and were created before {@code before}: rebuilds that were interrupted
     * (a crash, a restart) and will never complete.
     */
    List<String> abandoned(Instant before) throws IOException {
        return ours().entrySet().stream()
                .filter(index -> !index.getValue().aliases().containsKey(alias))
                .filter(index -> {
                    IndexSettings settings = index.getValue().settings();
                    Long created = settings == null || settings.index() == null
                            ? null
                            : settings.index().creationDate();
                    return created != null && created < before.toEpochMilli();
                })
                .map(Map.Entry::getKey)
                .toList();
    }

    private Map<String, IndexState> ours() throws IOException {
        return client.indices().get(g -> g.index(alias + "-*")).result();
    }

    private void create(String name, String catalogVersion, boolean aliased) throws IOException {
        IndexSettings settings = analysis.toBuilder()
                .numberOfShards(shards)
                .numberOfReplicas(aliased ? replicas : 0)
                .refreshInterval(Time.of(t -> t.time(aliased ? refreshInterval : "-1")))
                .build();
        TypeMapping.Builder mappings = new TypeMapping.Builder().withJson(new java.io.StringReader(mappingsJson));
        if (catalogVersion != null) {
            mappings.meta(CATALOG_VERSION, JsonData.of(catalogVersion));
        }
        TypeMapping typeMapping = mappings.build();
        client.indices().create(c -> {
            c.index(name).settings(settings).mappings(typeMapping);
            if (aliased) {
                c.aliases(alias, a -> a.isWriteIndex(true));
            }
            return c;
        });
    }

    private String newName() {
        return alias + "-" + SUFFIX.format(Instant.now()) + "-"
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
    }

    private static <T> T read(String resource, ResourceReader<T> reader) {
        try (InputStream in = ProductIndices.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface ResourceReader<T> {
        T read(InputStream in) throws IOException;
    }

    /** The index searches are served from, and the catalog version its rebuild recorded. */
    record Served(String index, String catalogVersion) {}
}
