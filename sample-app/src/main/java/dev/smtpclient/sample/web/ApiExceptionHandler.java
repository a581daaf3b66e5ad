package dev.smtpclient.sample.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.smtpclient.InvalidInputException;
import dev.smtpclient.SmtpException;
import dev.smtpclient.SmtpRecipientsRejectedException;
import dev.smtpclient.SmtpReplyException;
import dev.smtpclient.outbox.OutboxException;

/**
 * Problem details (RFC 9457) for the REST API: bad input is a 400 naming the field (the
 * core's {@link InvalidInputException#field()}); a message the server would not take is a
 * 502 with its reply; an outbox whose database fails is a 503.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalidInput(InvalidInputException ex) {
		return badInput(ex.field(), ex.getMessage());
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = badInput("attachments", "the upload is larger than the limit of "
				+ ((ex.getMaxUploadSize() > 0) ? ex.getMaxUploadSize() + " bytes" : "the server"));
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(OutboxException.class)
	ProblemDetail outboxFailed(OutboxException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("The outbox could not store the message");
		return problem;
	}

	@ExceptionHandler(SmtpException.class)
	ProblemDetail sendFailed(SmtpException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
		problem.setTitle("The SMTP server did not take the message");
		problem.setProperty("exception", ex.getClass().getSimpleName());
		problem.setProperty("phase", String.valueOf(ex.phase()));
		problem.setProperty("transient", ex.isTransient());
		if (ex instanceof SmtpReplyException reply) {
			problem.setProperty("replyCode", reply.replyCode());
		}
		if (ex instanceof SmtpRecipientsRejectedException rejected) {
			List<Map<String, Object>> recipients = rejected.recipients()
				.stream()
				.map((recipient) -> Map.<String, Object>of("address", recipient.address(), "accepted",
						recipient.accepted(), "reply", recipient.reply().toString()))
				.toList();
			problem.setProperty("recipients", recipients);
		}
		return problem;
	}

	private static ProblemDetail badInput(String field, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid input");
		problem.setProperty("field", field);
		return problem;
	}

}
