package dev.migrate.sql;

import org.junit.jupiter.api.Test;

import dev.migrate.sql.PsqlMetaCommands.MetaCommand;
import dev.migrate.sql.PsqlMetaCommands.Stripped;

import static org.assertj.core.api.Assertions.assertThat;

class PsqlMetaCommandsTests {

	@Test
	void metaCommandLinesAreBlankedKeepingEveryOtherCharacterWhereItWas() {
		String text = "\\restrict k1\n\nSELECT 1;\n  \\set x 1\nSELECT 2; -- \\not\n\\unrestrict k1";
		Stripped stripped = PsqlMetaCommands.strip(text);
		assertThat(stripped.sql()).hasSameSizeAs(text)
			.isEqualTo("            \n\nSELECT 1;\n          \nSELECT 2; -- \\not\n              ");
		assertThat(stripped.commands()).containsExactly(new MetaCommand("\\restrict k1", 1),
				new MetaCommand("\\set x 1", 4), new MetaCommand("\\unrestrict k1", 6));
		assertThat(stripped.commands()).extracting(MetaCommand::name).containsExactly("restrict", "set", "unrestrict");
	}

	@Test
	void backslashesInQuotesBodiesCommentsAndMidLineAreNotMetaCommands() {
		String text = "SELECT $$\n\\x\n$$;\nSELECT E'a\n\\b';\n/*\n\\c */\nSELECT 1 \\gset\n\"\n\\q\";";
		Stripped stripped = PsqlMetaCommands.strip(text);
		assertThat(stripped.sql()).isEqualTo(text);
		assertThat(stripped.commands()).isEmpty();
	}

}
