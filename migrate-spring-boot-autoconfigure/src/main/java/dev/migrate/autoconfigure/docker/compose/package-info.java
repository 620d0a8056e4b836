/**
 * Support for migrate connections from Spring Boot's service connections (Docker Compose).
 */
@NullMarked
package dev.migrate.autoconfigure.docker.compose;

import org.jspecify.annotations.NullMarked;
