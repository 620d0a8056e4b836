package dev.migrate.sample;

import dev.migrate.MigrateSettings;
import dev.migrate.Migrator;
import dev.migrate.test.PostgresDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tests for {@link DocumentController}: the HTTP API over the real repository and
 * PostgreSQL, without the rest of the application.
 */
class DocumentControllerTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	private static MockMvc mvc;

	@BeforeAll
	static void setUp() throws Exception {
		Migrator.create(db.dataSource(), MigrateSettings.builder().build()).upgrade("heads");
		mvc = MockMvcBuilders.standaloneSetup(new DocumentController(DocumentRepositoryTests.repository(db.dataSource())))
			.build();
	}

	@BeforeEach
	void empty() {
		db.execute("TRUNCATE documents, tags RESTART IDENTITY CASCADE");
	}

	@Test
	void postCreatesADocumentAndGetReturnsItCountingViews() throws Exception {
		mvc.perform(post("/documents").contentType(MediaType.APPLICATION_JSON).content("""
				{"title": "Vector search", "body": "pgvector adds a vector type", "tags": ["Postgres", "search"]}
				"""))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", endsWith("/documents/1")))
			.andExpect(jsonPath("$.id").value(1))
			.andExpect(jsonPath("$.language").value("en"))
			.andExpect(jsonPath("$.wordCount").value(5))
			.andExpect(jsonPath("$.tags[0]").value("postgres"))
			.andExpect(jsonPath("$.views").value(0))
			.andExpect(jsonPath("$.embedding", hasSize(TextEmbedding.DIMENSIONS)));
		mvc.perform(get("/documents/1")).andExpect(status().isOk()).andExpect(jsonPath("$.views").value(1));
		mvc.perform(get("/documents/1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Vector search"))
			.andExpect(jsonPath("$.views").value(2));
	}

	@Test
	void getOfAMissingDocumentIsNotFound() throws Exception {
		mvc.perform(get("/documents/4242")).andExpect(status().isNotFound());
	}

	@Test
	void searchReturnsTheNearestDocumentsFirst() throws Exception {
		for (String title : DocumentRepositoryTests.CORPUS) {
			mvc.perform(post("/documents").contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\": \"" + title + "\", \"body\": \"" + title + "\"}")).andExpect(status().isCreated());
		}
		mvc.perform(get("/documents/search").param("q", "alps hiking"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(5)))
			.andExpect(jsonPath("$[0].title").value("Hiking trails in the Alps during summer"))
			.andExpect(jsonPath("$[0].distance").isNumber());
		mvc.perform(get("/documents/search").param("q", "alps hiking").param("limit", "2").param("metric", "L2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[0].title").value("Hiking trails in the Alps during summer"));
	}

	@Test
	void badRequestsSayWhatIsWrong() throws Exception {
		mvc.perform(get("/documents/search").param("q", "x").param("metric", "dot"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Unknown metric 'dot'; expected one of cosine, l2"));
		mvc.perform(get("/documents/search").param("q", "x").param("limit", "50"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Limit is 50; expected a number from 1 to 20"));
		mvc.perform(get("/documents/search").param("q", "?!"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Text '?!' has no letters or digits to embed; expected at least one word"));
		mvc.perform(get("/documents/search")).andExpect(status().isBadRequest());
		mvc.perform(post("/documents").contentType(MediaType.APPLICATION_JSON).content("{\"title\": \" \", \"body\": \"b\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Field 'title' is blank; expected some text"));
		mvc.perform(post("/documents").contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"t\", \"body\": \"b\", \"language\": \"english!\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail")
				.value("Field 'language' is 'english!'; expected a language tag such as 'en' or 'pt-BR'"));
		mvc.perform(post("/documents").contentType(MediaType.APPLICATION_JSON).content("{\"title\": "))
			.andExpect(status().isBadRequest());
	}

}
