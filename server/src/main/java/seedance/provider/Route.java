package seedance.provider;

/**
 * One step of a route: a configured provider and the model id it is asked for ({@code null} for the
 * local renderer, which has only one).
 */
public record Route(VideoProvider provider, String model) {

  public String name() {
    return provider.name();
  }
}
