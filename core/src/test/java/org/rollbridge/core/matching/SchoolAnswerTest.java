package org.rollbridge.core.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rollbridge.core.code.Choice;

class SchoolAnswerTest {

    @Test
    void theAnswersIdsAreThoseTheFormTheApiAndTheStoreWrite() {
        assertEquals("new-to-la, previously-at, upn-wrong", Choice.ids(SchoolAnswer.class));
    }

    @Test
    void noChoiceIsAProblemWithTheChoice() {
        SchoolAnswer.Checked c = SchoolAnswer.check(null, null);
        assertFalse(c.valid());
        assertEquals("answer", c.problem().field());
        assertEquals("answer", SchoolAnswer.check("maybe", null).problem().field());
    }

    @Test
    void previouslyAtNeedsTheSchoolOrLa() {
        assertEquals("previously-at", SchoolAnswer.check("previously-at", "  ").problem().field());
        assertEquals("previously-at", SchoolAnswer.check("previously-at", "x".repeat(201)).problem().field());
        SchoolAnswer.Checked c = SchoolAnswer.check("previously-at", "  Oak   Primary, Leeds ");
        assertTrue(c.valid());
        assertEquals("Oak Primary, Leeds", c.answer().previouslyAt());
        assertEquals("the child was previously at Oak Primary, Leeds", c.answer().says());
    }

    @Test
    void otherAnswersIgnoreTheSchoolNamed() {
        SchoolAnswer.Checked c = SchoolAnswer.check("upn-wrong", "Oak Primary");
        assertEquals(SchoolAnswer.UPN_WRONG, c.answer().answer());
        assertNull(c.answer().previouslyAt());
        assertEquals(SchoolAnswer.NEW_TO_LA, SchoolAnswer.check("new-to-la", null).answer().answer());
    }

    @Test
    void askedOfPupilRecordsTheSchoolReadsAsUnmatched() {
        assertTrue(SchoolAnswer.asked("ctf", "UNMATCHED"));
        assertTrue(SchoolAnswer.asked("ctf", "REVIEW"));
        assertTrue(SchoolAnswer.asked("ctf", "CONFLICT"));
        assertFalse(SchoolAnswer.asked("ctf", "ERROR"));
        assertFalse(SchoolAnswer.asked("ctf", "TRANSFER"));
        assertFalse(SchoolAnswer.asked("attendance", "NOT_ON_ROLL"));
    }
}
