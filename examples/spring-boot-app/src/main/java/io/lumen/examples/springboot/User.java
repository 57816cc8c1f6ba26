package io.lumen.examples.springboot;

/** A row of the {@code users} table. */
public record User(long id, String name, String email, String country) {}
