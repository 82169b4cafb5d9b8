import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for the Central Publisher Portal on the loopback, for .ci/release-rehearsal: takes the bundle that
 * central-publishing-maven-plugin uploads (POST /api/v1/publisher/upload), answers with a deployment id, and writes
 * the port it listens on to the file named by its argument. It keeps nothing; the script reads the bundle the plugin
 * left in the build directory. Stops when the script ends it.
 */
public class CentralStandIn {

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/publisher/upload", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.transferTo(java.io.OutputStream.nullOutputStream());
            }
            byte[] deployment = "rehearsal-deployment".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, deployment.length);
            exchange.getResponseBody().write(deployment);
            exchange.close();
        });
        server.start();
        Files.writeString(Path.of(args[0]), Integer.toString(server.getAddress().getPort()));
    }
}
