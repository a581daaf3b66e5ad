package dev.smtpclient.test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * The public API of a module as text, one line per public type and one per public or
 * protected member, sorted.
 * <p>
 * The committed copy, {@code api/<module>.txt} at the root of the repository, makes every
 * change to the API show up in review and stands in as the baseline until a release
 * exists to compare against. Run the module's API test with
 * {@code -Dsmtpclient.api.update=true} to rewrite the file after an intended change.
 */
public final class ApiSignature {

	/**
	 * System property that makes {@link #assertUnchanged} rewrite the committed file
	 * instead of comparing with it.
	 */
	public static final String UPDATE_PROPERTY = "smtpclient.api.update";

	private ApiSignature() {
	}

	/**
	 * Fails when the public API of the given packages differs from
	 * {@code api/<module>.txt}, listing the lines that were removed and added.
	 * @param module the module's artifact id, which names the file
	 * @param anchor any class of the module, to find the module's compiled classes
	 * @param packages the API packages (their sub-packages are not included)
	 * @throws IOException if the classes or the file cannot be read
	 */
	public static void assertUnchanged(String module, Class<?> anchor, String... packages) throws IOException {
		List<String> actual = of(anchor, Set.of(packages));
		Path file = apiDirectory().resolve(module + ".txt");
		if (Boolean.getBoolean(UPDATE_PROPERTY)) {
			Files.write(file, actual);
			return;
		}
		if (!Files.exists(file)) {
			fail("No API signature at %s: run the test with -D%s=true to write it", file, UPDATE_PROPERTY);
		}
		List<String> expected = qualified(Files.readAllLines(file));
		Set<String> removed = new LinkedHashSet<>(expected);
		removed.removeAll(qualified(actual));
		Set<String> added = new LinkedHashSet<>(qualified(actual));
		added.removeAll(expected);
		if (!removed.isEmpty() || !added.isEmpty()) {
			fail("The public API of %s changed. If that is intended, run the test with -D%s=true and commit %s "
					+ "(and say so in CHANGELOG.md).%nRemoved:%n%s%nAdded:%n%s", module, UPDATE_PROPERTY, file,
					indent(removed), indent(added));
		}
	}

	/**
	 * Lists the public API of the given packages: each public type (with its public
	 * enclosing types) followed by its public and protected members, indented.
	 * @param anchor any class of the module, to find the module's compiled classes
	 * @param packages the API packages (their sub-packages are not included)
	 * @return the lines, types in name order, members sorted within their type
	 * @throws IOException if the classes cannot be read
	 */
	public static List<String> of(Class<?> anchor, Set<String> packages) throws IOException {
		Path classes = classesDirectory(anchor);
		List<Class<?>> types;
		try (Stream<Path> files = Files.walk(classes)) {
			types = files.map((file) -> classes.relativize(file).toString())
				.filter((name) -> name.endsWith(".class") && !name.endsWith("package-info.class")
						&& !name.endsWith("module-info.class"))
				.map((name) -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
				.filter((name) -> packages.contains(name.substring(0, name.lastIndexOf('.'))))
				.sorted()
				.<Class<?>>map((name) -> load(name, anchor.getClassLoader()))
				.filter(ApiSignature::isApi)
				.toList();
		}
		List<String> lines = new ArrayList<>();
		for (Class<?> type : types) {
			lines.add(describe(type));
			members(type).entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.forEach((member) -> lines.add("\t" + member.getValue()));
		}
		return lines;
	}

	/**
	 * Lists the packages of the module that hold a public type, so that a module's API
	 * test can check that it names every one of them (a package added later would
	 * otherwise be left out of the signature unnoticed).
	 * @param anchor any class of the module, to find the module's compiled classes
	 * @return the package names, sorted
	 * @throws IOException if the classes cannot be read
	 */
	public static Set<String> packagesWithPublicTypes(Class<?> anchor) throws IOException {
		Path classes = classesDirectory(anchor);
		try (Stream<Path> files = Files.walk(classes)) {
			return files.map((file) -> classes.relativize(file).toString())
				.filter((name) -> name.endsWith(".class") && !name.endsWith("package-info.class")
						&& !name.endsWith("module-info.class"))
				.map((name) -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
				.map((name) -> load(name, anchor.getClassLoader()))
				.filter(ApiSignature::isApi)
				.map(Class::getPackageName)
				.collect(Collectors.toCollection(TreeSet::new));
		}
	}

	private static Path classesDirectory(Class<?> anchor) {
		try {
			return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// The module's directory when Maven runs the tests, the repository's root in some
	// IDEs.
	private static Path apiDirectory() {
		Path here = Path.of("").toAbsolutePath();
		for (Path dir = here; dir != null; dir = dir.getParent()) {
			if (Files.isDirectory(dir.resolve("api")) && Files.exists(dir.resolve("mvnw"))) {
				return dir.resolve("api");
			}
		}
		throw new IllegalStateException("No api directory above " + here);
	}

	private static Class<?> load(String name, ClassLoader loader) {
		try {
			return Class.forName(name, false, loader);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean isApi(Class<?> type) {
		for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
			if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isSynthetic()) {
				return false;
			}
		}
		return true;
	}

	private static boolean isApi(int modifiers) {
		return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
	}

	private static String describe(Class<?> type) {
		StringBuilder line = new StringBuilder(type.toGenericString());
		Type superclass = type.getGenericSuperclass();
		if (superclass != null && superclass != Object.class && superclass != Record.class && !type.isEnum()) {
			line.append(" extends ").append(superclass.getTypeName());
		}
		Type[] interfaces = type.getGenericInterfaces();
		if (interfaces.length > 0) {
			line.append(type.isInterface() ? " extends " : " implements ").append(typeNames(interfaces));
		}
		return line.toString();
	}

	// Keyed by name first, so that a member's overloads and its field stay together.
	private static Map<String, String> members(Class<?> type) {
		Map<String, String> members = new HashMap<>();
		for (Field field : type.getDeclaredFields()) {
			if (isApi(field.getModifiers()) && !field.isSynthetic()) {
				add(members, field.getName(), modifiers(field.getModifiers(), Modifier.fieldModifiers()) + " "
						+ field.getGenericType().getTypeName() + " " + field.getName());
			}
		}
		for (Constructor<?> constructor : type.getDeclaredConstructors()) {
			if (isApi(constructor.getModifiers()) && !constructor.isSynthetic()) {
				add(members, "", modifiers(constructor.getModifiers(), Modifier.constructorModifiers())
						+ typeParameters(constructor) + " " + type.getSimpleName() + signature(constructor));
			}
		}
		for (Method method : type.getDeclaredMethods()) {
			if (isApi(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
				String modifiers = modifiers(method.getModifiers(), Modifier.methodModifiers())
						+ (method.isDefault() ? " default" : "");
				add(members, method.getName(), modifiers + typeParameters(method) + " "
						+ method.getGenericReturnType().getTypeName() + " " + method.getName() + signature(method));
			}
		}
		return members;
	}

	private static void add(Map<String, String> members, String name, String line) {
		members.put(name + " " + line, line);
	}

	private static String modifiers(int modifiers, int allowed) {
		return Modifier.toString(modifiers & allowed);
	}

	private static String typeParameters(Executable executable) {
		TypeVariable<?>[] parameters = executable.getTypeParameters();
		if (parameters.length == 0) {
			return "";
		}
		return Arrays.stream(parameters)
			.map((parameter) -> parameter.getName() + bounds(parameter))
			.collect(Collectors.joining(", ", " <", ">"));
	}

	private static String bounds(TypeVariable<?> parameter) {
		Type[] bounds = parameter.getBounds();
		if (bounds.length == 1 && bounds[0] == Object.class) {
			return "";
		}
		return " extends " + Arrays.stream(bounds).map(Type::getTypeName).collect(Collectors.joining(" & "));
	}

	private static String signature(Executable executable) {
		String parameters = typeNames(executable.getGenericParameterTypes());
		if (executable.isVarArgs()) {
			parameters = parameters.substring(0, parameters.length() - 2) + "...";
		}
		Type[] exceptions = executable.getGenericExceptionTypes();
		return "(" + parameters + ")" + ((exceptions.length > 0) ? " throws " + typeNames(exceptions) : "");
	}

	private static String typeNames(Type[] types) {
		return Arrays.stream(types).map(Type::getTypeName).collect(Collectors.joining(", "));
	}

	// A member's line alone is not unique ("public java.lang.String toString()"): prefix
	// it with its type's.
	private static List<String> qualified(List<String> lines) {
		List<String> qualified = new ArrayList<>();
		String type = "";
		for (String line : lines) {
			if (line.startsWith("\t")) {
				qualified.add(type + " :: " + line.substring(1));
			}
			else {
				type = line;
				qualified.add(line);
			}
		}
		return qualified;
	}

	private static String indent(Set<String> lines) {
		return lines.isEmpty() ? "  (none)"
				: lines.stream().map((line) -> "  " + line).collect(Collectors.joining("\n"));
	}

}
