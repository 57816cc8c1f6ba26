package io.lumen.smoketest.httpserver.apps.spring;

import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * A Spring Web MVC application without Spring Boot, as a {@code DispatcherServlet} runs it from
 * {@code contextConfigLocation}. Neither component scanning nor {@code @Configuration} proxies:
 * Spring 5.0 reads class files with an ASM too old for these test classes (Java 17) and generates
 * proxies in a way Java 17 forbids, and neither is what this application tests.
 */
@EnableWebMvc
@Import(GreetingController.class)
public class SpringMvcApp {}
