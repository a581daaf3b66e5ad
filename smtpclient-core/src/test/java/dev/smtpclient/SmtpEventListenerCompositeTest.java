package dev.smtpclient;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link SmtpEventListener#composite}: every event reaches every listener, in order,
 * whatever the others throw.
 */
class SmtpEventListenerCompositeTest {

	@Test
	void forwardsEveryMethodOfTheInterface() throws Exception {
		List<String> first = new ArrayList<>();
		List<String> second = new ArrayList<>();
		SmtpEventListener composite = SmtpEventListener.composite(recording(first, false), recording(second, false));
		List<String> expected = new ArrayList<>();
		for (Method method : eventMethods()) {
			Object[] arguments = arguments(method);
			method.invoke(composite, arguments);
			expected.add(call(method, arguments));
		}
		assertThat(first).containsExactlyElementsOf(expected);
		assertThat(second).containsExactlyElementsOf(expected);
	}

	@Test
	void listenerThatThrowsNeitherStopsTheOthersNorReachesTheCaller() throws Exception {
		List<String> thrower = new ArrayList<>();
		List<String> after = new ArrayList<>();
		SmtpEventListener composite = SmtpEventListener.composite(recording(thrower, true), recording(after, false));
		for (Method method : eventMethods()) {
			method.invoke(composite, arguments(method));
		}
		assertThat(thrower).hasSize(eventMethods().size());
		assertThat(after).hasSize(eventMethods().size());
	}

	@Test
	void flattensNestedCompositesAndLeavesOutNone() {
		List<String> calls = new ArrayList<>();
		SmtpEventListener recorder = recording(calls, false);
		SmtpEventListener composite = SmtpEventListener.composite(SmtpEventListener.NONE,
				SmtpEventListener.composite(recorder, SmtpEventListener.NONE), recorder);
		composite.messageStart(new SmtpConnectionInfo(1, "localhost", 25));
		assertThat(calls).hasSize(2);
		assertThat(SmtpEventListener.composite()).isSameAs(SmtpEventListener.NONE);
		assertThat(SmtpEventListener.composite(SmtpEventListener.NONE)).isSameAs(SmtpEventListener.NONE);
	}

	@Test
	void refusesNull() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SmtpEventListener.composite(Arrays.asList(SmtpEventListener.NONE, null)));
	}

	private static List<Method> eventMethods() {
		List<Method> methods = new ArrayList<>();
		for (Method method : SmtpEventListener.class.getMethods()) {
			if (!Modifier.isStatic(method.getModifiers())) {
				methods.add(method);
			}
		}
		methods.sort((a, b) -> a.toGenericString().compareTo(b.toGenericString()));
		assertThat(methods).isNotEmpty();
		return methods;
	}

	private static SmtpEventListener recording(List<String> calls, boolean fail) {
		return (SmtpEventListener) Proxy.newProxyInstance(SmtpEventListener.class.getClassLoader(),
				new Class<?>[] { SmtpEventListener.class }, (proxy, method, arguments) -> {
					if (method.getDeclaringClass() == Object.class) {
						return switch (method.getName()) {
							case "equals" -> proxy == arguments[0];
							case "hashCode" -> System.identityHashCode(proxy);
							default -> "recording listener";
						};
					}
					calls.add(call(method, arguments));
					if (fail) {
						throw new IllegalStateException("listener failure in " + method.getName());
					}
					return null;
				});
	}

	private static String call(Method method, Object[] arguments) {
		return method.getName() + Arrays.toString(arguments);
	}

	/**
	 * A distinct value for each parameter, so a forwarding that swaps or drops arguments
	 * is seen.
	 */
	private static Object[] arguments(Method method) {
		Class<?>[] types = method.getParameterTypes();
		Object[] arguments = new Object[types.length];
		for (int i = 0; i < types.length; i++) {
			Class<?> type = types[i];
			if (type == long.class) {
				arguments[i] = 1000L + i;
			}
			else if (type == int.class) {
				arguments[i] = 100 + i;
			}
			else if (type == boolean.class) {
				arguments[i] = true;
			}
			else if (type == String.class) {
				arguments[i] = method.getName() + "-" + i;
			}
			else if (type == SmtpConnectionInfo.class) {
				arguments[i] = new SmtpConnectionInfo(i + 1, "host-" + i, 25);
			}
			else if (type == java.time.Duration.class) {
				arguments[i] = java.time.Duration.ofMillis(i + 1);
			}
			else {
				arguments[i] = null;
			}
		}
		return arguments;
	}

}
