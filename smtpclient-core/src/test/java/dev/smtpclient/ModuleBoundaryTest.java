package dev.smtpclient;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.activation.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module's border: what it exports, that a consumer on the module path can use the
 * API but cannot reach the engine, and that no exported signature names an internal type.
 * The other tests run on the class path; these put the compiled module on a module path.
 */
class ModuleBoundaryTest {

	private static final Set<String> API_PACKAGES = Set.of("dev.smtpclient", "dev.smtpclient.message",
			"dev.smtpclient.dkim");

	@TempDir
	Path work;

	@Test
	void exportsTheApiPackagesOnly() throws Exception {
		ModuleDescriptor descriptor = descriptor();
		assertThat(descriptor.name()).isEqualTo("dev.smtpclient");
		assertThat(descriptor.exports()).allSatisfy((exports) -> assertThat(exports.isQualified()).isFalse());
		assertThat(descriptor.exports().stream().map(ModuleDescriptor.Exports::source))
			.containsExactlyInAnyOrderElementsOf(API_PACKAGES);
		assertThat(descriptor.packages()).filteredOn((name) -> !API_PACKAGES.contains(name))
			.isNotEmpty()
			.allSatisfy((name) -> assertThat(name).startsWith("dev.smtpclient.internal."));
		assertThat(descriptor.opens()).isEmpty();
	}

	@Test
	void consumerOnTheModulePathCompilesAgainstTheApi() throws Exception {
		String diagnostics = compileConsumer("""
				package consumer;

				import dev.smtpclient.SendResult;
				import dev.smtpclient.SmtpClient;
				import dev.smtpclient.SmtpException;
				import dev.smtpclient.dkim.DkimSigner;
				import dev.smtpclient.message.Message;

				public class Consumer {

					public static SendResult send(SmtpClient client) {
						try {
							return client.send(Message.builder().from("a@example.com").to("b@example.com")
								.subject("s").text("t").build());
						}
						catch (SmtpException ex) {
							throw ex;
						}
					}

					static Class<?> signer() {
						return DkimSigner.class;
					}

				}
				""");
		assertThat(diagnostics).isEmpty();
	}

	@Test
	void consumerOnTheModulePathCannotReachTheEngine() throws Exception {
		String diagnostics = compileConsumer("""
				package consumer;

				public class Consumer {

					static Class<?> engine() {
						return dev.smtpclient.internal.session.Session.class;
					}

				}
				""");
		assertThat(diagnostics).contains("dev.smtpclient.internal.session").contains("not visible");
	}

	@Test
	void noExportedSignatureNamesAnInternalType() throws Exception {
		List<String> leaks = new ArrayList<>();
		for (Class<?> type : apiTypes()) {
			check(type.getName() + " extends", type.getGenericSuperclass(), leaks);
			for (Type superInterface : type.getGenericInterfaces()) {
				check(type.getName() + " implements", superInterface, leaks);
			}
			for (Field field : type.getDeclaredFields()) {
				if (isVisible(field)) {
					check(describe(field), field.getGenericType(), leaks);
				}
			}
			List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredMethods()));
			executables.addAll(List.of(type.getDeclaredConstructors()));
			for (Executable executable : executables) {
				if (!isVisible(executable) || executable.isSynthetic()) {
					continue;
				}
				if (executable instanceof Method method) {
					check(describe(method), method.getGenericReturnType(), leaks);
				}
				for (Type parameter : executable.getGenericParameterTypes()) {
					check(describe(executable), parameter, leaks);
				}
				for (Type exception : executable.getGenericExceptionTypes()) {
					check(describe(executable), exception, leaks);
				}
			}
		}
		assertThat(leaks).isEmpty();
	}

	private String compileConsumer(String source) throws IOException {
		Path sources = Files.createDirectories(this.work.resolve("src/consumer"));
		Files.writeString(this.work.resolve("src/module-info.java"),
				"module consumer {\n\trequires dev.smtpclient;\n}\n");
		Files.writeString(sources.resolve("Consumer.java"), source);
		ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
		StringWriter out = new StringWriter();
		String modulePath = moduleLocation() + File.pathSeparator + location(DataSource.class);
		List<String> arguments = List.of("--release", "17", "-d", this.work.resolve("out").toString(), "--module-path",
				modulePath, this.work.resolve("src/module-info.java").toString(),
				sources.resolve("Consumer.java").toString());
		try (PrintWriter writer = new PrintWriter(out)) {
			javac.run(writer, writer, arguments.toArray(String[]::new));
		}
		return out.toString();
	}

	private static ModuleDescriptor descriptor() {
		return ModuleFinder.of(moduleLocation())
			.find("dev.smtpclient")
			.orElseThrow(() -> new AssertionError("no module dev.smtpclient at " + moduleLocation()))
			.descriptor();
	}

	private static Path moduleLocation() {
		return location(SmtpClient.class);
	}

	private static Path location(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<Class<?>> apiTypes() throws Exception {
		Path root = moduleLocation();
		List<Class<?>> types = new ArrayList<>();
		for (String pkg : API_PACKAGES) {
			Path dir = root.resolve(pkg.replace('.', '/'));
			try (Stream<Path> files = Files.list(dir)) {
				for (Path file : files.filter((f) -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
					String simple = file.getFileName().toString().replace(".class", "");
					if (simple.equals("package-info")) {
						continue;
					}
					Class<?> type = Class.forName(pkg + "." + simple, false, ModuleBoundaryTest.class.getClassLoader());
					if (isReachable(type)) {
						types.add(type);
					}
				}
			}
		}
		return types;
	}

	private static boolean isReachable(Class<?> type) {
		for (Class<?> current = type; current != null; current = current.getDeclaringClass()) {
			if (!Modifier.isPublic(current.getModifiers()) && !Modifier.isProtected(current.getModifiers())) {
				return false;
			}
		}
		return !type.isAnonymousClass() && !type.isLocalClass();
	}

	private static boolean isVisible(Member member) {
		int modifiers = member.getModifiers();
		if (Modifier.isPublic(modifiers)) {
			return true;
		}
		// protected members count only where a consumer can subclass
		return Modifier.isProtected(modifiers) && !Modifier.isFinal(member.getDeclaringClass().getModifiers());
	}

	private static void check(String where, Type type, List<String> leaks) {
		Set<String> names = new TreeSet<>();
		collect(type, names, new HashSet<>());
		for (String name : names) {
			if (name.startsWith("dev.smtpclient.internal.")) {
				leaks.add(where + " names " + name);
			}
		}
	}

	private static void collect(Type type, Set<String> names, Set<Type> seen) {
		if (type == null || !seen.add(type)) {
			return;
		}
		if (type instanceof Class<?> cls) {
			names.add(cls.isArray() ? cls.getComponentType().getName() : cls.getName());
		}
		else if (type instanceof ParameterizedType parameterized) {
			collect(parameterized.getRawType(), names, seen);
			for (Type argument : parameterized.getActualTypeArguments()) {
				collect(argument, names, seen);
			}
		}
		else if (type instanceof GenericArrayType array) {
			collect(array.getGenericComponentType(), names, seen);
		}
		else if (type instanceof WildcardType wildcard) {
			Stream.of(wildcard.getUpperBounds()).forEach((bound) -> collect(bound, names, seen));
			Stream.of(wildcard.getLowerBounds()).forEach((bound) -> collect(bound, names, seen));
		}
		else if (type instanceof TypeVariable<?> variable) {
			Stream.of(variable.getBounds()).forEach((bound) -> collect(bound, names, seen));
		}
	}

	private static String describe(Member member) {
		return member.getDeclaringClass().getName() + "." + member.getName();
	}

}
