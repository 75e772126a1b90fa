package seedance.cli;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description = {
      "Run an MCP server on stdin/stdout with the tools create_video, get_task, wait_for_task.",
      "Add it to an agent, e.g.: claude mcp add seedance -e SEEDANCE_API_KEY=sk_live_... -- seedance mcp"
    })
final class McpCommand implements Callable<Integer> {

  @Mixin ApiOptions api;

  @Override
  public Integer call() throws InterruptedException {
    var client = api.client();
    var mapper = McpJsonDefaults.getMapper();
    var closed = new CountDownLatch(1);
    InputStream in = new EndWatcher(System.in, closed);
    PrintStream out = System.out;
    // Nothing else may write to stdout from here on: it is the protocol channel.
    System.setOut(System.err);
    var server =
        McpServer.sync(new StdioServerTransportProvider(mapper, in, out))
            .serverInfo("seedance", "0.1.0")
            .capabilities(ServerCapabilities.builder().tools(false).build())
            .tools(new McpTools(client, mapper).specifications())
            .build();
    closed.await();
    server.closeGracefully();
    return ExitCodes.OK;
  }

  /** Tells when the client closed our stdin: the session is over and the process may end. */
  private static final class EndWatcher extends FilterInputStream {
    private final CountDownLatch closed;

    EndWatcher(InputStream in, CountDownLatch closed) {
      super(in);
      this.closed = closed;
    }

    @Override
    public int read() throws IOException {
      return ended(super.read());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return ended(super.read(b, off, len));
    }

    private int ended(int n) {
      if (n < 0) {
        closed.countDown();
      }
      return n;
    }
  }
}
