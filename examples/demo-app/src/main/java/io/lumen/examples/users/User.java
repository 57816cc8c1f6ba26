package io.lumen.examples.users;

/** A user of the service, as the API returns it. */
record User(long id, String name, String email) {

  String toJson() {
    return "{\"id\":" + id + ",\"name\":" + Json.string(name) + ",\"email\":" + Json.string(email)
        + "}";
  }
}
