package dev.smtpclient.benchmark;

/**
 * One client under test: sends a number of messages and returns when all were accepted.
 */
interface Contender extends AutoCloseable {

	String name();

	/**
	 * Sends the messages, spread over the contender's connections.
	 * @param messages how many
	 * @throws Exception when a send fails (a benchmark run with failures is void)
	 */
	void send(int messages) throws Exception;

	@Override
	default void close() throws Exception {
	}

}
