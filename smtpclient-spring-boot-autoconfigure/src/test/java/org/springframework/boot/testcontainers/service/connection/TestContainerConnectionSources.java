package org.springframework.boot.testcontainers.service.connection;

import java.util.List;
import java.util.function.Supplier;

import org.testcontainers.containers.Container;

import org.springframework.boot.origin.Origin;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;

/**
 * Builds a {@link ContainerConnectionSource} (whose constructor is package-private) so
 * that connection details factories can be tested without Docker.
 */
public final class TestContainerConnectionSources {

	private TestContainerConnectionSources() {
	}

	public static <C extends Container<?>> ContainerConnectionSource<C> of(Class<C> containerType, String imageName,
			Supplier<C> container) {
		return new ContainerConnectionSource<>("test", new Origin() {
		}, containerType, imageName, MergedAnnotation.of(ServiceConnection.class), container, null,
				MergedAnnotations.of(List.of()));
	}

}
