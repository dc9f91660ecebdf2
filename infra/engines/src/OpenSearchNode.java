// A single OpenSearch 2.19 node started from the jars Maven resolved into lib/opensearch, with the
// plugins it needs loaded from the classpath (the way OpenSearch's own test framework's MockNode
// does): transport-netty4 (HTTP and transport), analysis-common, lang-painless and reindex
// (_delete_by_query). Security is off (the security plugin is not on the classpath). Loopback only; data under the given folder.
//
//   java -cp 'lib/opensearch/*' src/OpenSearchNode.java <data dir> [http port]
//
// Prints "OpenSearch node started on http://127.0.0.1:<port>" once it answers, and closes the
// node cleanly on SIGTERM.
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

public class OpenSearchNode {
  static final class ClasspathPluginNode extends Node {
    ClasspathPluginNode(Environment environment, List<Class<? extends Plugin>> plugins) {
      super(environment, plugins, true);
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: OpenSearchNode <data dir> [http port]");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    String port = args.length > 1 ? args[1] : "9200";
    Files.createDirectories(home.resolve("config"));
    Files.createDirectories(home.resolve("data"));
    Files.createDirectories(home.resolve("logs"));
    Settings settings = Settings.builder()
        .put("path.home", home.toString())
        .put("path.data", home.resolve("data").toString())
        .put("path.logs", home.resolve("logs").toString())
        .put("cluster.name", "architech")
        .put("node.name", "architech-search")
        .put("network.host", "127.0.0.1")
        .put("http.port", port)
        .put("transport.port", "0")
        .put("discovery.type", "single-node")
        .put("http.type", "netty4")
        .put("transport.type", "netty4")
        // Small machines and temp dirs: no disk watermarks refusing shards, no swapping checks.
        .put("cluster.routing.allocation.disk.threshold_enabled", false)
        .put("action.auto_create_index", true)
        .build();
    LogConfigurator.configureWithoutConfig(settings);
    Environment environment =
        InternalSettingsPreparer.prepareEnvironment(settings, Collections.emptyMap(), null, () -> "architech-search");
    Node node = new ClasspathPluginNode(
        environment, List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, PainlessPlugin.class, ReindexPlugin.class));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        node.close();
      } catch (Exception e) {
        e.printStackTrace();
      } finally {
        stopped.countDown();
      }
    }));
    node.start();
    System.out.println("OpenSearch node started on http://127.0.0.1:" + port);
    stopped.await();
  }
}
