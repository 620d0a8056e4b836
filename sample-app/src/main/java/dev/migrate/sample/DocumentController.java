package dev.migrate.sample;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * HTTP API of the sample: create documents, fetch one, and search by similarity.
 */
@RestController
@RequestMapping("/documents")
final class DocumentController {

	private final DocumentRepository documents;

	DocumentController(DocumentRepository documents) {
		this.documents = documents;
	}

	@PostMapping
	ResponseEntity<Document> create(@RequestBody NewDocument document, UriComponentsBuilder uri) {
		Document created = this.documents.create(document);
		return ResponseEntity.created(uri.path("/documents/{id}").buildAndExpand(created.id()).toUri()).body(created);
	}

	@GetMapping("/{id}")
	ResponseEntity<Document> get(@PathVariable long id) {
		if (!this.documents.recordView(id)) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.of(this.documents.find(id));
	}

	@GetMapping("/search")
	List<SearchHit> search(@RequestParam String q, @RequestParam(defaultValue = "5") int limit,
			@RequestParam(defaultValue = "cosine") String metric) {
		return this.documents.search(q, DistanceMetric.of(metric), limit);
	}

	@ExceptionHandler
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof IllegalArgumentException invalid) {
				return badRequest(invalid);
			}
		}
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Request body is not a JSON document with 'title', 'body' and optional 'language' and 'tags'");
	}

}
