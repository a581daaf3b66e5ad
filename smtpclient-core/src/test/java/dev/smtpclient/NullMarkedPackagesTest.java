package dev.smtpclient;

import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Set;

import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every package of the module declares its types non-null unless marked
 * {@code @Nullable}, so IDEs and Kotlin see the nullness of the whole API.
 */
class NullMarkedPackagesTest {

	@Test
	void everyPackageIsNullMarked() throws Exception {
		Path location = Path.of(SmtpClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Set<String> packages = ModuleFinder.of(location).find("dev.smtpclient").orElseThrow().descriptor().packages();
		assertThat(packages).hasSizeGreaterThan(3).allSatisfy((name) -> {
			Class<?> info = Class.forName(name + ".package-info", false, getClass().getClassLoader());
			assertThat(info.isAnnotationPresent(NullMarked.class)).as(name).isTrue();
		});
	}

}
