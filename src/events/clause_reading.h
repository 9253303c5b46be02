// What a parsed clause says about its verb beyond who and what: whether
// the act happened (modality), when (its own date, or a background clause
// with none), where (the verb's own locative), and on whose word (the
// speaker of a reporting verb above it). Internal to events.
#pragma once
#include <optional>
#include <string>

#include "events/events.h"
#include "events/parse_tree.h"

namespace seismo {

// The modality of the event whose verb is word `verb`: negation ("not",
// "never", "no deal"), a controlling verb ("failed to", "refused to" →
// denied; "plans to", "is preparing to" → planned; "threatened to";
// "urged X to" → requested), a modal auxiliary ("would", "could"), a
// purpose or condition clause ("to protect", "in order to", "if"), or the
// clause reported under "denied that", "warned that", "hoped that".
Modality clause_modality(const ParseTree& t, int verb);

// Whether the clause of `verb` is background: past perfect ("had
// attacked"), a "since" clause, "at the time", "previously".
bool background_clause(const ParseTree& t, int verb);

// The date of the verb's own clause — a date mention, or a year after a
// preposition of time ("in 1999", "since 2008") — or of the clause it
// depends on when it is a conjunct, a controlled verb or a time clause
// ("In 1999, after NATO attacked Serbia": 1999). Never across a reporting
// verb: the day something was said is not the day it happened.
std::optional<DateRef> clause_date(const ParseTree& t, const SentenceInput& in, int verb);

// The place mention of the verb's locative modifier ("in Zvečan", "at the
// Jarinje crossing", "entering Zvečan") or of a place it acts on
// ("shelled Gaza"); never a place inside another phrase ("the Washington
// agreement", "his transfer to Pristina"). -1 when none.
int clause_place_mention(const ParseTree& t, const SentenceInput& in, int verb);

// The word whose phrase speaks for the clause: the subject of a reporting
// verb ("said", "told", "claimed") that the verb's clause is the
// complement of, a parenthetical "the ministry said", or "according to X".
// -1 when the sentence speaks for itself.
int clause_speaker(const ParseTree& t, int verb);

// A relative pronoun ("who", "which", "that") stands for the noun its
// clause modifies; any other word for itself.
int antecedent(const ParseTree& t, int word);

}  // namespace seismo
