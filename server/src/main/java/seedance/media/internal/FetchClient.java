package seedance.media.internal;

import java.net.Proxy;
import java.net.Socket;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.ssl.TLS;
import org.apache.hc.core5.util.Timeout;
import seedance.media.FetchLimits;

/**
 * Builds the HTTP client for one fetch: addresses only from the given resolver, no proxy of any
 * kind, no redirects, retries, cookies or decompression, and the limits applied to every socket.
 */
public final class FetchClient {

  private FetchClient() {}

  public static CloseableHttpClient create(SSLContext ssl, FetchLimits limits, DnsResolver dns) {
    // Hostname verification and SNI use the host name the client is given, never the address.
    var tls = new DefaultClientTlsStrategy(ssl);
    var tlsByScheme = RegistryBuilder.<TlsSocketStrategy>create().register("https", tls).build();
    // A plain new Socket() would honour socksProxyHost; NO_PROXY connects directly.
    var operator =
        new DefaultHttpClientConnectionOperator(
            proxy -> new Socket(Proxy.NO_PROXY),
            DefaultSchemePortResolver.INSTANCE,
            dns,
            tlsByScheme);
    Http1Config http1 =
        Http1Config.custom()
            .setMaxLineLength(limits.maxHeaderBytes())
            .setMaxHeaderCount(200)
            .setMaxEmptyLineCount(4)
            .build();
    var connections =
        ManagedHttpClientConnectionFactory.builder()
            .http1Config(http1)
            .responseParserFactory(
                config -> new BoundedResponseParser(config, limits.maxHeaderBytes()))
            .build();
    var manager = new BasicHttpClientConnectionManager(operator, connections);
    Timeout connect = Timeout.of(limits.connectTimeout());
    Timeout idle = Timeout.of(limits.idleTimeout());
    manager.setConnectionConfig(
        ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(idle).build());
    manager.setSocketConfig(SocketConfig.custom().setSoTimeout(idle).build());
    manager.setTlsConfig(
        TlsConfig.custom()
            .setHandshakeTimeout(connect)
            .setSupportedProtocols(TLS.V_1_3, TLS.V_1_2)
            .build());
    RequestConfig requests =
        RequestConfig.custom()
            .setConnectionRequestTimeout(connect)
            .setResponseTimeout(idle)
            .setRedirectsEnabled(false)
            .setContentCompressionEnabled(false)
            .setAuthenticationEnabled(false)
            .setProtocolUpgradeEnabled(false)
            .setExpectContinueEnabled(false)
            .build();
    return HttpClientBuilder.create()
        .setConnectionManager(manager)
        // Built without useSystemProperties(): no http(s).proxyHost, no ProxySelector.
        .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE))
        .setDefaultRequestConfig(requests)
        .disableRedirectHandling()
        .disableContentCompression()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .disableConnectionState()
        .setUserAgent("seedance-media-fetcher")
        .build();
  }
}
