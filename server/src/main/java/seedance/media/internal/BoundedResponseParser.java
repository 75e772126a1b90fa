package seedance.media.internal;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultHttpResponseParser;
import org.apache.hc.core5.http.io.HttpTransportMetrics;
import org.apache.hc.core5.http.io.SessionInputBuffer;
import org.apache.hc.core5.util.CharArrayBuffer;

/**
 * A response parser that also caps the total size of the status line and headers. HttpCore only
 * bounds each line and the header count, which still lets a server hand us megabytes of headers.
 */
public final class BoundedResponseParser extends DefaultHttpResponseParser {

  private final int maxHeaderBytes;

  public BoundedResponseParser(Http1Config config, int maxHeaderBytes) {
    super(config);
    this.maxHeaderBytes = maxHeaderBytes;
  }

  @Override
  public ClassicHttpResponse parse(SessionInputBuffer buffer, InputStream inputStream)
      throws IOException, HttpException {
    return super.parse(new CountingLines(buffer, maxHeaderBytes), inputStream);
  }

  /** Passes everything through, counting what readLine consumes. */
  private static final class CountingLines implements SessionInputBuffer {

    private final SessionInputBuffer delegate;
    private final int limit;
    private long consumed;

    CountingLines(SessionInputBuffer delegate, int limit) {
      this.delegate = delegate;
      this.limit = limit;
    }

    @Override
    public int readLine(CharArrayBuffer line, InputStream inputStream) throws IOException {
      int before = line.length();
      int result = delegate.readLine(line, inputStream);
      // Count the characters appended plus the line ending the buffer strips.
      consumed += Math.max(0, line.length() - before) + 2;
      if (consumed > limit) {
        throw new MessageConstraintException("response headers exceed " + limit + " bytes");
      }
      return result;
    }

    @Override
    public int length() {
      return delegate.length();
    }

    @Override
    public int capacity() {
      return delegate.capacity();
    }

    @Override
    public int available() {
      return delegate.available();
    }

    @Override
    public int read(byte[] b, int off, int len, InputStream inputStream) throws IOException {
      return delegate.read(b, off, len, inputStream);
    }

    @Override
    public int read(byte[] b, InputStream inputStream) throws IOException {
      return delegate.read(b, inputStream);
    }

    @Override
    public int read(InputStream inputStream) throws IOException {
      return delegate.read(inputStream);
    }

    @Override
    public HttpTransportMetrics getMetrics() {
      return delegate.getMetrics();
    }
  }
}
