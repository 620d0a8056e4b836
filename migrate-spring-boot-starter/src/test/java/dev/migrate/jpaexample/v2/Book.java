package dev.migrate.jpaexample.v2;

import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The second version of the JPA example's model: books by authors, with tags. */
@Entity
@Table(indexes = @Index(name = "book_title", columnList = "title"))
public class Book {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String title;

	@ManyToOne(optional = false)
	private Author author;

	@ElementCollection
	private Set<String> tags;

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public Author getAuthor() {
		return this.author;
	}

	public Set<String> getTags() {
		return this.tags;
	}

}
