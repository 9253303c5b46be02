// Charset detection and conversion: BOM, then the transport's header, then
// <meta charset>, then ICU's statistical detector. Valid UTF-8 wins over a
// declaration that contradicts it, because mislabelled pages are common.
// Labels ICU does not know are passed over.
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <memory>
#include <string>

#include "common/text.h"
#include "common/utf8.h"
#include "ingest/ingest.h"

namespace seismo {
namespace {

std::string normalise_charset(std::string_view name) {
  std::string n = ascii_lower(trim(name));
  while (!n.empty() && (n.back() == '"' || n.back() == '\'' || n.back() == ';')) n.pop_back();
  while (!n.empty() && (n.front() == '"' || n.front() == '\'')) n.erase(0, 1);
  // The HTML standard maps these labels to windows-1252.
  if (n == "iso-8859-1" || n == "latin1" || n == "latin-1" || n == "us-ascii" || n == "ascii" || n == "iso8859-1")
    return "windows-1252";
  if (n == "utf8") return "utf-8";
  return n;
}

// The charset a <meta> tag of the page's head declares (<meta charset=...>
// or http-equiv's content="...; charset=..."), else empty. Only <meta>
// counts: a crawler's banner often loads scripts with charset="utf-8" before
// the page's own head, and the head may sit past the first kilobytes.
std::string meta_charset(std::string_view head) {
  head = head.substr(0, 32 * 1024);
  std::string lower = ascii_lower(head);
  for (size_t m = lower.find("<meta"); m != std::string::npos; m = lower.find("<meta", m + 5)) {
    size_t end = lower.find('>', m);
    if (end == std::string::npos) end = lower.size();
    size_t p = lower.find("charset", m);
    if (p == std::string::npos || p > end) continue;
    size_t q = p + 7;
    while (q < end && (lower[q] == ' ' || lower[q] == '=' || lower[q] == '"' || lower[q] == '\'')) ++q;
    size_t e = q;
    while (e < end && (isalnum(static_cast<unsigned char>(lower[e])) || lower[e] == '-' || lower[e] == '_' || lower[e] == ':' || lower[e] == '.')) ++e;
    if (e > q && e - q < 40) return std::string(lower.substr(q, e - q));
  }
  return {};
}

bool convert(std::string_view bytes, const std::string& charset, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* from = ucnv_open(charset.c_str(), &status);
  if (U_FAILURE(status) || !from) return false;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> guard(from, &ucnv_close);
  // Pivot through UTF-16 in bounded chunks via ucnv_toUChars on the whole
  // input: documents are capped upstream, so this stays bounded.
  std::u16string u16;
  u16.resize(bytes.size() * 2 + 16);
  status = U_ZERO_ERROR;
  int32_t len = ucnv_toUChars(from, u16.data(), static_cast<int32_t>(u16.size()), bytes.data(),
                              static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return false;
  u16.resize(len);
  UConverter* to = ucnv_open("utf-8", &status);
  std::unique_ptr<UConverter, decltype(&ucnv_close)> guard2(to, &ucnv_close);
  out.resize(static_cast<size_t>(len) * 3 + 16);
  status = U_ZERO_ERROR;
  int32_t n = ucnv_fromUChars(to, out.data(), static_cast<int32_t>(out.size()), u16.data(), len, &status);
  if (U_FAILURE(status)) return false;
  out.resize(n);
  return true;
}

// The detector's best guess and its confidence (0-100), or empty.
std::string detect(std::string_view bytes, int& confidence) {
  confidence = 0;
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&status);
  if (U_FAILURE(status)) return {};
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> guard(det, &ucsdet_close);
  auto sample = bytes.substr(0, 64 * 1024);
  ucsdet_setText(det, sample.data(), static_cast<int32_t>(sample.size()), &status);
  ucsdet_enableInputFilter(det, true);  // ignore markup when guessing
  const UCharsetMatch* m = ucsdet_detect(det, &status);
  if (U_FAILURE(status) || !m) return {};
  const char* name = ucsdet_getName(m, &status);
  confidence = ucsdet_getConfidence(m, &status);
  return U_FAILURE(status) || !name ? std::string() : normalise_charset(name);
}

// Well-formed UTF-8 sequences of two to four bytes (Unicode table 3-7).
// Text in a legacy 8-bit charset almost never contains one, so many of
// them mean the bytes are UTF-8, however broken in places.
size_t utf8_multibyte_sequences(std::string_view s) {
  auto at = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
  auto cont = [](unsigned c) { return c >= 0x80 && c <= 0xBF; };
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned c = at(i);
    size_t len = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = cont(at(i + 1)) ? 2 : 0;
    } else if (c >= 0xE0 && c <= 0xEF) {
      unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
      len = at(i + 1) >= lo && at(i + 1) <= hi && cont(at(i + 2)) ? 3 : 0;
    } else if (c >= 0xF0 && c <= 0xF4) {
      unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
      len = at(i + 1) >= lo && at(i + 1) <= hi && cont(at(i + 2)) && cont(at(i + 3)) ? 4 : 0;
    }
    if (len) ++n;
    i += len ? len : 1;
  }
  return n;
}

// Below this the detector's guess is noise (measured: legacy prose scores
// 40-90, broken UTF-8 about 20).
constexpr int kConfidentDetection = 30;

}  // namespace

std::string decode_to_utf8(std::string_view bytes, std::string_view declared, std::string& out, size_t* repaired) {
  size_t unused = 0;
  size_t& bad = repaired ? *repaired : unused;
  bad = 0;
  // A BOM is in the bytes themselves, so it beats every label; it is not
  // text, and left in it would hide the markup from sniff_format.
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    out = repair_utf8(bytes.substr(3), &bad);
    return "utf-8";
  }
  if (bytes.substr(0, 2) == "\xFF\xFE" && convert(bytes.substr(2), "utf-16le", out)) return "utf-16le";
  if (bytes.substr(0, 2) == "\xFE\xFF" && convert(bytes.substr(2), "utf-16be", out)) return "utf-16be";
  if (is_valid_utf8(bytes)) {
    out.assign(bytes);
    return "utf-8";
  }
  // The transport's label, else the page's own. A label ICU does not know
  // (charset="x-bogus") says nothing, so the next source decides.
  std::string charset = normalise_charset(declared);
  if (charset.empty() || charset == "utf-8" || !convert(bytes, charset, out)) {
    charset = normalise_charset(meta_charset(bytes));
    if (charset.empty() || charset == "utf-8" || !convert(bytes, charset, out)) charset.clear();
  }
  if (!charset.empty()) {
    out = repair_utf8(out);
    return charset;
  }
  // Labelled UTF-8 or not labelled, and not valid UTF-8. Broken UTF-8 and
  // legacy 8-bit text look alike to the detector, so measure first: only
  // bytes with (almost) no well-formed multi-byte sequences, which the
  // detector confidently names, are re-read in a legacy charset. Anything
  // else is UTF-8 with its broken sequences replaced, and `repaired` says so.
  std::string as_utf8 = repair_utf8(bytes, &bad);
  bool stray_bytes = bad * 200 < bytes.size() + 1;  // a few in mostly ASCII text
  if (!stray_bytes && utf8_multibyte_sequences(bytes) * 10 <= bad) {
    int confidence = 0;
    charset = detect(bytes, confidence);
    if (confidence >= kConfidentDetection && !charset.empty() && charset != "utf-8" && convert(bytes, charset, out)) {
      bad = 0;
      out = repair_utf8(out);
      return charset;
    }
  }
  out = std::move(as_utf8);
  return "utf-8";
}

ContentFormat sniff_format(std::string_view content) {
  std::string head = ascii_lower(content.substr(0, 2048));
  size_t first = head.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return ContentFormat::kText;
  static const char* markers[] = {"<!doctype html", "<html", "<head", "<body", "<meta ", "<title", "<div", "<article", "<p>", "<p "};
  for (const char* m : markers) {
    if (head.find(m) != std::string::npos && head[first] == '<') return ContentFormat::kHtml;
  }
  // Markup deeper in: count tags in the sample.
  size_t tags = 0;
  for (const char* m : {"</p>", "</div>", "<br", "</a>", "</span>"}) {
    for (size_t p = head.find(m); p != std::string::npos; p = head.find(m, p + 1)) ++tags;
  }
  return tags >= 5 ? ContentFormat::kHtml : ContentFormat::kText;
}

}  // namespace seismo
