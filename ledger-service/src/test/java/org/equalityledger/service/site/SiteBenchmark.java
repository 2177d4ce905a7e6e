package org.equalityledger.service.site;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.equalityledger.api.query.commitments.CommitmentFilter;
import org.equalityledger.api.query.commitments.CommitmentList;
import org.equalityledger.api.query.commitments.CommitmentPage;
import org.equalityledger.api.query.commitments.CommitmentRow;
import org.equalityledger.projections.rebuild.Rebuilds;
import org.equalityledger.projections.store.LedgerReader;
import org.equalityledger.service.LedgerApplication;
import org.equalityledger.service.query.demo.DemoDataLoader;
import org.equalityledger.service.support.FormClient;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The public site's speed, as {@code ops/bench/site.sh [scale]} prints it: the service started on
 * demo data loaded through the command side, its projections caught up, then for each page type the
 * server time (one reader, loopback, compressed as a browser asks) p50/p95/p99 over 100 requests
 * after 20 to warm up, now and as of an instant; and the bytes a first visit of {@code /} transfers
 * compressed: the page and every style sheet, script, source map and map data it references. A page
 * that answers 404 (not built yet on this branch) is printed as missing.
 */
public final class SiteBenchmark {

    private static final int WARM_UP = 20;
    private static final int REQUESTS = 100;
    private static final Pattern ASSET = Pattern.compile("(?:href|src|data-map)=\"(/[^\"]+)\"");
    private static final Pattern SOURCE_MAP = Pattern.compile("sourceMappingURL=([^\\s*]+)");

    public static void main(String[] args) throws Exception {
        double scale = args.length == 0 ? 1.0 : Double.parseDouble(args[0]);
        Path dir = Files.createTempDirectory("ledger-site-bench");
        SpringApplication app = new SpringApplication(LedgerApplication.class);
        try (ConfigurableApplicationContext context = app.run("--server.port=0", "--ledger.data-dir=" + dir,
                "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.org.equalityledger=INFO",
                // The demo data records the reference set itself, at its historical instants.
                "--ledger.reference-set.load=false")) {
            DemoDataLoader.Result loaded = context.getBean(DemoDataLoader.class).load(scale, 2021L);
            LedgerReader ledger = context.getBean(LedgerReader.class);
            Rebuilds rebuilds = context.getBean(Rebuilds.class);
            long head = ledger.headPosition();
            long t = System.nanoTime();
            for (String name : rebuilds.names()) {
                while (rebuilds.processed(name) < head) {
                    Thread.sleep(20);
                }
            }
            System.out.printf("%ndemo data at %.2f×: %,d commands, %,d events; projections caught up %.1f s after the load%n",
                    scale, loaded.commands(), head + 1, (System.nanoTime() - t) / 1e9);
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            QueryGateway queries = context.getBean(QueryGateway.class);
            CommitmentRow commitment = queries.query(new CommitmentList(new CommitmentFilter("gac", null, null, null, null,
                    null, null), 0, 1), ResponseTypes.instanceOf(CommitmentPage.class)).join().items().get(0);
            // As of an instant the commitment already existed: halfway between its pledge and the last event.
            Instant last = ledger.eventsBetween(head, head).get(0).recordedAt();
            Instant asOf = commitment.pledgedAt().plus(Duration.between(commitment.pledgedAt(), last).dividedBy(2));
            measure("http://127.0.0.1:" + port, commitment, asOf);
            workspaces(port, commitment);
        }
        System.exit(0);
    }

    private static void measure(String base, CommitmentRow commitment, Instant asOf) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("initiative", "/initiatives/gac");
        pages.put("commitment", "/commitments/" + commitment.commitmentId());
        pages.put("commitment maker", "/commitment-makers/" + commitment.makerId());
        pages.put("reporting cycle", "/reporting-cycles/2023");
        pages.put("commitments list", "/commitments");
        System.out.printf("as of %s; server time in ms over %d requests (after %d to warm up), one reader on loopback%n",
                asOf, REQUESTS, WARM_UP);
        System.out.printf("%-18s %-5s %8s %8s %8s %8s  %s%n", "page", "when", "first", "p50", "p95", "p99", "target p95");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            for (boolean past : List.of(false, true)) {
                String path = page.getValue() + "?lang=en" + (past ? "&asOf=" + asOf : "");
                // The first request is timed on its own: it pays for what later ones find kept (a past instant's rows).
                long first = System.nanoTime();
                int status = get(client, base + path).statusCode();
                double firstMs = (System.nanoTime() - first) / 1e6;
                String when = past ? "asOf" : "now";
                if (status == 404) {
                    System.out.printf("%-18s %-5s missing (404 at %s)%n", page.getKey(), when, page.getValue());
                    continue;
                }
                if (status != 200) {
                    System.out.printf("%-18s %-5s answered %d at %s%n", page.getKey(), when, status, path);
                    continue;
                }
                List<Double> ms = new ArrayList<>();
                for (int i = 0; i < WARM_UP + REQUESTS; i++) {
                    long t = System.nanoTime();
                    get(client, base + path);
                    if (i >= WARM_UP) {
                        ms.add((System.nanoTime() - t) / 1e6);
                    }
                }
                Collections.sort(ms);
                System.out.printf("%-18s %-5s %8.1f %8.1f %8.1f %8.1f  %s%n", page.getKey(), when, firstMs, pct(ms, 50), pct(ms, 95),
                        pct(ms, 99), past ? "< 300" : "< 100");
            }
        }
        firstLoad(client, base);
        System.out.printf("load average (1, 5, 15 min): %s%n", loadAverage());
    }

    /**
     * The workspace pages, signed in as the role each is for (a session cookie, as a browser keeps it):
     * server time p50/p95/p99 over the same number of requests.
     */
    private static void workspaces(int port, CommitmentRow commitment) {
        Map<String, String[]> pages = new LinkedHashMap<>();
        pages.put("ally: pledge form", new String[] {"ally-demo", "/workspace/ally/pledges/new"});
        pages.put("ally: a commitment", new String[] {"ally-demo", "/workspace/ally/commitments/" + commitment.commitmentId()});
        pages.put("leader: queue", new String[] {"leader-gac", "/workspace/leader"});
        pages.put("leader: a pledge", new String[] {"leader-gac", "/workspace/leader/pledges/" + commitment.commitmentId()});
        pages.put("secretariat: home", new String[] {"secretariat", "/workspace/secretariat"});
        pages.put("secretariat: cycle", new String[] {"secretariat", "/workspace/secretariat/reporting-cycles/2023"});
        pages.put("auditor: timeline", new String[] {"auditor", "/workspace/auditor/commitments/" + commitment.commitmentId()});
        System.out.printf("%nworkspaces, signed in; server time in ms over %d requests (after %d to warm up)%n", REQUESTS, WARM_UP);
        System.out.printf("%-20s %8s %8s %8s  %s%n", "page", "p50", "p95", "p99", "target p95");
        Map<String, FormClient> sessions = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> page : pages.entrySet()) {
            FormClient client = sessions.computeIfAbsent(page.getValue()[0], login -> new FormClient(port).signIn(login));
            String path = page.getValue()[1] + "?lang=en";
            int status = client.get(path).status();
            if (status != 200) {
                System.out.printf("%-20s answered %d at %s%n", page.getKey(), status, path);
                continue;
            }
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < WARM_UP + REQUESTS; i++) {
                long t = System.nanoTime();
                client.get(path);
                if (i >= WARM_UP) {
                    ms.add((System.nanoTime() - t) / 1e6);
                }
            }
            Collections.sort(ms);
            System.out.printf("%-20s %8.1f %8.1f %8.1f  < 100%n", page.getKey(), pct(ms, 50), pct(ms, 95), pct(ms, 99));
        }
        System.out.printf("load average (1, 5, 15 min): %s%n", loadAverage());
    }

    /** What a first visit of the home page transfers, compressed: the page and all it references. */
    private static void firstLoad(HttpClient client, String base) throws Exception {
        HttpResponse<byte[]> home = get(client, base + "/?lang=en");
        if (home.statusCode() != 200) {
            System.out.printf("first load of /: answered %d%n", home.statusCode());
            return;
        }
        long total = home.body().length;
        System.out.printf("first load of / (compressed): page %,d B%n", home.body().length);
        Set<String> assets = new LinkedHashSet<>();
        collect(text(home), ASSET, assets, "/");
        Set<String> seen = new LinkedHashSet<>();
        List<String> queue = new ArrayList<>(assets);
        while (!queue.isEmpty()) {
            String asset = queue.remove(0);
            if (!seen.add(asset)) {
                continue;
            }
            HttpResponse<byte[]> answer = get(client, base + asset);
            if (answer.statusCode() != 200) {
                System.out.printf("  %-55s answered %d%n", asset, answer.statusCode());
                continue;
            }
            total += answer.body().length;
            System.out.printf("  %-55s %,9d B%s%n", asset, answer.body().length,
                    answer.headers().firstValue("Content-Encoding").map(e -> " " + e).orElse(""));
            Set<String> maps = new LinkedHashSet<>();
            collect(text(answer), SOURCE_MAP, maps, asset.substring(0, asset.lastIndexOf('/') + 1));
            queue.addAll(maps);
        }
        System.out.printf("first load of / in all: %,d B (%.0f KB; target < 500 KB)%n", total, total / 1024.0);
    }

    private static void collect(String text, Pattern pattern, Set<String> into, String folder) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String path = m.group(1).replace("&amp;", "&");
            if (path.startsWith("data:") || path.startsWith("http")) {
                continue;
            }
            String resolved = path.startsWith("/") ? path : folder + path;
            // Pages link to each other too: only the resources a first load fetches count.
            if (resolved.matches(".*\\.(css|js|map|json|geojson)(\\?.*)?")) {
                into.add(resolved);
            }
        }
    }

    private static String text(HttpResponse<byte[]> response) throws Exception {
        byte[] body = response.body();
        if (response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent()) {
            try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static HttpResponse<byte[]> get(HttpClient client, String uri) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/html,*/*")
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (java.io.IOException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
