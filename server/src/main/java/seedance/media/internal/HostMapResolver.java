package seedance.media.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import seedance.media.Resolver;

/** Test-only fixed answers; see {@link Resolver#hostMap}. */
public final class HostMapResolver implements Resolver {

  private final Map<String, List<List<InetAddress>>> answersInTurn;
  private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

  public HostMapResolver(Map<String, List<List<InetAddress>>> answersInTurn) {
    this.answersInTurn =
        answersInTurn.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    Map.Entry::getKey, e -> e.getValue().stream().map(List::copyOf).toList()));
  }

  @Override
  public List<InetAddress> resolve(String host) throws UnknownHostException {
    List<List<InetAddress>> answers = answersInTurn.get(host);
    if (answers == null || answers.isEmpty()) {
      throw new UnknownHostException(host);
    }
    int turn = lookups.computeIfAbsent(host, h -> new AtomicInteger()).getAndIncrement();
    return answers.get(Math.min(turn, answers.size() - 1));
  }
}
