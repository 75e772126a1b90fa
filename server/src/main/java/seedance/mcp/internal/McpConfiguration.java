package seedance.mcp.internal;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.util.HashMap;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import seedance.apikey.ApiKeys;
import seedance.apikey.Caller;
import seedance.web.RequestIds;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /mcp}: the MCP SDK's servlet transport, behind the API key filter. Stateless (no MCP
 * session kept in memory), so any server process sharing the database can answer any request.
 */
@Configuration(proxyBeanMethods = false)
class McpConfiguration {

  static final String PATH = "/mcp";

  @Bean
  HttpServletStatelessServerTransport mcpTransport() {
    return HttpServletStatelessServerTransport.builder()
        .jsonMapper(McpJsonDefaults.getMapper())
        .messageEndpoint(PATH)
        .contextExtractor(
            request -> {
              var values = new HashMap<String, Object>();
              values.put(VideoTools.CALLER, Caller.of(request));
              String requestId = RequestIds.of(request);
              if (requestId != null) {
                values.put(VideoTools.REQUEST_ID, requestId);
              }
              return McpTransportContext.create(values);
            })
        .build();
  }

  @Bean(destroyMethod = "close")
  McpStatelessSyncServer mcpServer(
      HttpServletStatelessServerTransport transport, VideoTools tools) {
    return McpServer.sync(transport)
        .serverInfo("seedance", "0.1.0")
        .capabilities(ServerCapabilities.builder().tools(false).build())
        // On the request's own thread: the tools read the request context (download links).
        .immediateExecution(true)
        .tools(tools.specifications(McpJsonDefaults.getMapper()))
        .build();
  }

  @Bean
  ServletRegistrationBean<HttpServletStatelessServerTransport> mcpServlet(
      HttpServletStatelessServerTransport transport) {
    var registration = new ServletRegistrationBean<>(transport, PATH);
    registration.setName("mcp");
    registration.setAsyncSupported(true);
    return registration;
  }

  @Bean
  FilterRegistrationBean<McpAuthFilter> mcpAuthFilter(ApiKeys keys, JsonMapper json) {
    var registration = new FilterRegistrationBean<>(new McpAuthFilter(keys, json));
    registration.addUrlPatterns(PATH);
    return registration;
  }
}
