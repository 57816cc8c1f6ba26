package io.lumen.examples.springboot;

import java.util.List;

/** A user together with what the recommendations service suggests for them. */
public record UserProfile(User user, List<String> recommendations) {}
