package dev.smtpclient.sample;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import dev.smtpclient.sample.cli.MailerCommand;

/**
 * The sample web app: a page to compose and send mail, an inbox fed by an embedded SMTP
 * server when no {@code smtp.url} is given, and the actuator's health and metrics. With
 * {@code send} as the first argument it is a command-line mailer instead, without Spring.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		if (args.length > 0 && "send".equals(args[0])) {
			int status = new MailerCommand(System.out, System.err).run(Arrays.asList(args).subList(1, args.length));
			System.exit(status);
		}
		SpringApplication.run(SampleApplication.class, args);
	}

}
