#include "extract/cues.h"

#include <array>
#include <cctype>
#include <vector>

#include "common/fold.h"
#include "common/text.h"

namespace seismo {
namespace {

// Phrase lists are written in plain form and folded once, so entries in
// Cyrillic or with diacritics match every spelling of the line.
struct PhraseList {
  std::vector<std::string> phrases;
  explicit PhraseList(std::initializer_list<const char*> raw) {
    for (const char* p : raw) phrases.push_back(fold_for_matching(p));
  }
  bool starts(std::string_view folded) const {
    for (const auto& p : phrases) {
      if (folded.substr(0, p.size()) == p) return true;
    }
    return false;
  }
  // Like starts(), but the phrase must end at a word boundary, so that
  // "register" does not match "registered voters".
  bool starts_word(std::string_view folded) const {
    for (const auto& p : phrases) {
      if (folded.substr(0, p.size()) != p) continue;
      if (folded.size() == p.size()) return true;
      unsigned char next = static_cast<unsigned char>(folded[p.size()]);
      unsigned char last = static_cast<unsigned char>(p.back());
      if (!isalnum(last) || !(isalpha(next) || next >= 0x80)) return true;
    }
    return false;
  }
  bool contains(std::string_view folded) const {
    for (const auto& p : phrases) {
      if (folded.find(p) != std::string_view::npos) return true;
    }
    return false;
  }
  int count(std::string_view folded) const {
    int n = 0;
    for (const auto& p : phrases) {
      for (size_t at = folded.find(p); at != std::string_view::npos; at = folded.find(p, at + p.size())) ++n;
    }
    return n;
  }
  bool equals(std::string_view folded) const {
    for (const auto& p : phrases) {
      if (folded == p) return true;
    }
    return false;
  }
};

// Lines that start like this are boilerplate when they are short.
const PhraseList& short_line_starts() {
  static const PhraseList l{
      "advertisement", "advertising", "sponsored", "related:", "related articles", "related posts", "related stories",
      "related news", "read more", "read also", "also read", "see also", "more:", "tags:", "tagged", "filed under",
      "categories:", "category:", "share this", "share on", "share:", "share via", "follow us", "follow me",
      "subscribe", "sign up", "click here", "you may also like", "you might also like", "recommended", "trending",
      "most read", "most popular", "popular posts", "newsletter", "keep reading", "continue reading", "loading",
      "print this", "email this", "back to top", "skip to", "log in", "login", "register", "we use cookies",
      "this website uses cookies", "this site uses cookies", "privacy policy", "terms of use", "terms of service",
      "all rights reserved", "copyright", "©", "(c) ", "support us", "donate", "become a member",
      "become a patron", "join us", "watch:", "listen:", "previous article", "next article", "previous post",
      "next post", "posted in", "leave a reply", "about the author", "more from", "more on this", "top stories",
      "latest news", "don't miss", "editor's pick", "editors' picks", "get the latest", "download the app",
      // de
      "anzeige", "werbung", "weiterlesen", "mehr zum thema", "lesen sie auch", "lesen sie mehr", "auch interessant",
      "das konnte sie auch interessieren", "teilen", "newsletter abonnieren", "datenschutz", "impressum",
      "alle rechte vorbehalten", "zum artikel", "mehr lesen", "artikel teilen",
      // fr
      "partager", "lire aussi", "lire la suite", "a lire aussi", "voir aussi", "publicite", "abonnez-vous",
      "tous droits reserves", "sur le meme sujet",
      // es, it, pt
      "compartir", "lea tambien", "leer mas", "publicidad", "suscribete", "todos los derechos reservados",
      "condividi", "leggi anche", "leggi tutto", "pubblicita", "iscriviti", "tutti i diritti riservati",
      "compartilhe", "leia tambem", "leia mais", "publicidade",
      // sr/hr/bs (both scripts), sq, ru
      "podeli", "podijeli", "procitajte jos", "procitajte i", "povezane vesti", "povezane vijesti", "reklama",
      "sva prava zadrzana", "sva prava pridrzana", "najnovije vesti", "najcitanije",
      "поделите", "прочитајте још", "повезане вести", "сва права задржана",
      "shperndaje", "lexo edhe", "lexo me shume", "te gjitha te drejtat e rezervuara",
      "поделиться", "читайте также", "все права защищены", "реклама",
  };
  return l;
}

// Lines that start like this are boilerplate whatever their length.
const PhraseList& any_length_starts() {
  static const PhraseList l{
      "disclaimer", "copyright ©", "copyright (c)", "copyright 20", "note to readers", "all rights reserved",
      "the views expressed", "the opinions expressed", "this article may not be reproduced",
      "haftungsausschluss", "avertissement", "aviso legal", "esclusione di responsabilita", "odricanje odgovornosti",
  };
  return l;
}

// Phrases that mark boilerplate wherever they stand in a line.
const PhraseList& inline_phrases() {
  static const PhraseList l{
      "click here", "share widely", "subscribe to", "follow us on", "sign up for", "newsletter", "all rights reserved",
      "fair use", "copyrighted material", "donate", "support us", "become a member", "your email address will not be published",
      "required fields are marked", "enable javascript", "javascript is disabled", "ad blocker", "adblock",
      "terms of service", "privacy policy", "sole responsibility of the author", "permission to cross-post",
      "for media inquiries", "share buttons", "translate website", "translate this page", "telegram channel", "cookies", "sign in to", "log in to",
      "download our app", "get our newsletter", "hier klicken", "abonnieren", "cliquez ici", "haga clic aqui",
      "clicca qui", "kliknite ovde", "kliknite ovdje", "pratite nas",
  };
  return l;
}

// Phrases of legal notices and disclaimers: two of them make a paragraph
// boilerplate at any length.
const PhraseList& legal_phrases() {
  static const PhraseList l{
      "fair use", "copyrighted material", "copyright owner", "sole responsibility", "permission to cross-post",
      "all rights reserved", "not be responsible for", "the views expressed", "do not necessarily reflect",
      "reproduction", "without permission", "without prior written", "terms of use", "privacy policy",
      "for educational purposes", "cookies",
  };
  return l;
}

const PhraseList& caption_starts() {
  static const PhraseList l{
      "illustrative image", "illustration:", "photo:", "photos:", "image:", "images:", "picture:", "pictured:",
      "credit:", "photo credit", "photograph:", "featured image", "file photo", "foto:", "bild:", "fotos:",
      "slika:", "фото:", "photo by", "image by", "image source", "source image", "video:", "watch:",
  };
  return l;
}

const PhraseList& caption_inline() {
  static const PhraseList l{
      "[photo:", "(photo:", "[image:", "(image:", "image: ", "photo: ", "(ap photo", "getty images", "(foto:",
      "[foto:", "shutterstock", "featured image is", "photo credit:", "/ reuters", "/ afp", "afp photo",
  };
  return l;
}

const PhraseList& comment_section_starts() {
  static const PhraseList l{
      "notify of", "leave a comment", "leave a reply", "post a comment", "add a comment", "add comment",
      "join the discussion", "join the conversation", "reader comments", "show comments", "view comments",
      "comments", "comment", "discussion", "kommentare", "kommentar schreiben", "commentaires", "laisser un commentaire",
      "commenti", "lascia un commento", "comentarios", "deja un comentario", "komentari", "komentara", "ostavite komentar",
      "komente", "komentet", "комментарии", "коментари",
  };
  return l;
}

const PhraseList& comment_chrome() {
  static const PhraseList l{
      "notify of", "newest most voted", "oldest newest most voted", "newest oldest most voted", "inline feedbacks",
      "view all comments", "would love your thoughts", "load more comments", "show more comments", "reply",
      "report", "report abuse", "like", "likes", "dislike", "share", "flag", "permalink", "sort by", "newest",
      "oldest", "best", "top", "your email address will not be published", "required fields are marked",
      "save my name", "post comment", "submit comment", "cancel reply", "sign in", "log in", "login", "subscribe",
      "you must be logged in", "to leave comments", "leave a comment", "leave a reply", "comments are closed",
      "antworten", "repondre", "rispondi", "responder", "odgovori", "pergjigju", "ответить",
  };
  return l;
}

// Comment forms and sign-in prompts, whatever their length.
const PhraseList& comment_form_phrases() {
  static const PhraseList l{
      "your email address will not be published", "required fields are marked", "to leave comments",
      "you must be logged in to post", "you must sign in", "would love your thoughts", "save my name, email",
      "ihre e-mail-adresse wird nicht veroffentlicht", "votre adresse e-mail ne sera pas publiee",
      "il tuo indirizzo email non sara pubblicato", "tu direccion de correo electronico no sera publicada",
      "vasa email adresa nece biti objavljena", "vasa adresa e-poste nece biti objavljena",
  };
  return l;
}

const PhraseList& teaser_markers() {
  static const PhraseList l{
      "keep reading", "continue reading", "read more", "read the full", "read full", "full story", "more »", "»",
      "weiterlesen", "mehr lesen", "lire la suite", "leer mas", "leggi tutto", "continua a leggere", "leia mais",
      "procitaj vise", "opsirnije", "detaljnije", "lexo me shume", "читать далее", "подробнее",
  };
  return l;
}

bool has_sentence_end(std::string_view s) {
  s = trim(s);
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?');
}

std::string clean_name(std::string_view s) {
  s = trim(s);
  // Stop at the end of the sentence or a separator.
  size_t cut = std::string_view::npos;
  for (std::string_view stop : {". ", " | ", " - ", " – ", " (", " with permission", " under a ", ", where ", ", and "}) {
    size_t p = s.find(stop);
    if (p != std::string_view::npos && p < cut) cut = p;
  }
  if (cut != std::string_view::npos) s = s.substr(0, cut);
  s = trim(s);
  while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ':' || s.back() == ';' || s.back() == '*'))
    s = trim(s.substr(0, s.size() - 1));
  if (s.empty() || word_count(s) > 8 || s.size() > 100) return {};
  return std::string(s);
}

}  // namespace

bool is_boilerplate_line(std::string_view folded, int words) {
  folded = trim(folded);
  if (folded.empty()) return false;
  if (any_length_starts().starts(folded)) return true;
  if (words <= 12 && short_line_starts().starts_word(folded)) return true;
  if (words <= 4 && folded.substr(0, 8) == "support ") return true;
  if (words <= 150 && legal_phrases().count(folded) >= 2) return true;
  int cues = inline_phrases().count(folded);
  if (cues == 0) return false;
  return words <= 25 || cues * 15 >= words;
}

bool is_caption_line(std::string_view folded, int words) {
  folded = trim(folded);
  if (words > 60) return false;
  if (caption_starts().starts(folded)) return true;
  return caption_inline().contains(folded) && (words <= 30 || !has_sentence_end(folded));
}

bool is_comment_section_start(std::string_view folded, int words) {
  folded = trim(folded);
  if (words > 8) return folded.find("to leave comments") != std::string_view::npos ||
                        folded.find("comments on the publication") != std::string_view::npos;
  if (comment_section_starts().starts_word(folded)) {
    // "Comments", "12 Comments", "Comments (3)", "Leave a comment": short,
    // and not a sentence about comments.
    return !has_sentence_end(folded) || folded.find("sign in") != std::string_view::npos;
  }
  // "23 comments", "1 Kommentar"
  size_t k = 0;
  while (k < folded.size() && folded[k] >= '0' && folded[k] <= '9') ++k;
  if (k > 0 && words <= 3) return comment_section_starts().starts_word(trim(folded.substr(k)));
  return folded.find("to leave comments") != std::string_view::npos;
}

bool is_comment_chrome(std::string_view folded, int words) {
  folded = trim(folded);
  if (words <= 40 && comment_form_phrases().contains(folded)) return true;
  if (words > 12) return false;
  if (comment_chrome().equals(folded)) return true;
  if (words <= 8 && comment_chrome().starts_word(folded)) {
    // "Reply" and "Report" lead chrome, but "Reply to X's point ..." is text:
    // require that the line be short and not end like a sentence.
    return words <= 4 || folded.find("would love your thoughts") == 0 || folded.find("your email") == 0 ||
           folded.find("required fields") == 0 || folded.find("save my name") == 0;
  }
  return false;
}

bool is_teaser_marker(std::string_view folded, int words) {
  folded = trim(folded);
  return words <= 5 && teaser_markers().starts(folded);
}

std::string edit_note_author(std::string_view line) {
  std::string lower = ascii_lower(line);
  if (lower.rfind("last edited", 0) != 0 && lower.rfind("edited ", 0) != 0) return {};
  size_t by = lower.find(" by ");
  if (by == std::string::npos) return "\x01";  // an edit note without a name
  return std::string(trim(line.substr(by + 4)));
}

std::string provenance_source(std::string_view line) {
  static const std::array<const char*, 27> patterns = {
      "originally published on ", "originally published at ", "originally published in ", "originally published by ",
      "originally appeared on ", "originally appeared in ", "originally appeared at ", "first published on ",
      "first published by ", "first published in ", "first published at ", "first appeared on ", "first appeared in ",
      "first appeared at ", "the original source of this article is ", "republished from ",
      "republished with permission from ", "reprinted from ", "reprinted with permission from ", "cross-posted from ",
      "crossposted from ", "zuerst erschienen bei ", "zuerst erschienen auf ", "initialement publie sur ",
      "publicado originalmente en ", "pubblicato originariamente su ", "prvobitno objavljeno na ",
  };
  std::string lower = ascii_lower(line);
  if (word_count(line) > 60) return {};
  for (const char* p : patterns) {
    size_t at = lower.find(p);
    if (at != std::string::npos) {
      std::string name = clean_name(line.substr(at + std::string_view(p).size()));
      if (!name.empty()) return name;
    }
  }
  // Short standalone "Source: X" / "Via X" lines at the foot of an article.
  std::string_view t = trim(line);
  if (word_count(t) <= 6) {
    for (std::string_view p : {"source: ", "via ", "izvor: ", "quelle: ", "fonte: ", "fuente: ", "burimi: "}) {
      if (starts_with_ascii_ci(t, p)) return clean_name(t.substr(p.size()));
    }
  }
  return {};
}

std::string donation_prompt_outlet(std::string_view line) {
  std::string_view t = trim(line);
  int words = word_count(t);
  if (words < 2 || words > 4 || has_sentence_end(t)) return {};
  for (std::string_view p : {"support ", "donate to ", "subscribe to "}) {
    if (starts_with_ascii_ci(t, p)) {
      std::string_view name = trim(t.substr(p.size()));
      if (name.empty() || !(name[0] >= 'A' && name[0] <= 'Z')) return {};
      if (starts_with_ascii_ci(name, "us") || starts_with_ascii_ci(name, "our")) return {};
      return clean_name(name);
    }
  }
  return {};
}

}  // namespace seismo
