// Charset detection and conversion: BOM, then the transport's header, then
// <meta charset>, then ICU's statistical detector. Valid UTF-8 wins over a
// declaration that contradicts it, because mislabelled pages are common.
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

std::string meta_charset(std::string_view head) {
  head = head.substr(0, 4096);
  std::string lower = ascii_lower(head);
  size_t p = 0;
  while ((p = lower.find("charset", p)) != std::string::npos) {
    size_t q = p + 7;
    while (q < lower.size() && (lower[q] == ' ' || lower[q] == '=' || lower[q] == '"' || lower[q] == '\'')) ++q;
    size_t e = q;
    while (e < lower.size() && (isalnum(static_cast<unsigned char>(lower[e])) || lower[e] == '-' || lower[e] == '_' || lower[e] == ':' || lower[e] == '.')) ++e;
    if (e > q && e - q < 40) return std::string(lower.substr(q, e - q));
    p = e;
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

std::string detect(std::string_view bytes) {
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
  return U_FAILURE(status) || !name ? std::string() : normalise_charset(name);
}

}  // namespace

std::string decode_to_utf8(std::string_view bytes, std::string_view declared, std::string& out) {
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    out = repair_utf8(bytes.substr(3));
    return "utf-8";
  }
  std::string charset;
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE") charset = "utf-16le";
  else if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF") charset = "utf-16be";
  if (charset.empty() && is_valid_utf8(bytes)) {
    out.assign(bytes);
    return "utf-8";
  }
  if (charset.empty() && !declared.empty()) charset = normalise_charset(declared);
  if (charset.empty() || charset == "utf-8") {
    std::string meta = normalise_charset(meta_charset(bytes));
    if (!meta.empty() && meta != "utf-8") charset = meta;
  }
  if (charset.empty() || charset == "utf-8") {
    // Declared UTF-8 (or nothing) but not valid UTF-8: if only a few bytes
    // are broken, repair; otherwise ask the detector.
    size_t bad = 0;
    std::string repaired = repair_utf8(bytes, &bad);
    if (bad * 200 < bytes.size() + 1) {
      out = std::move(repaired);
      return "utf-8";
    }
    charset = detect(bytes);
  }
  if (!charset.empty() && charset != "utf-8" && convert(bytes, charset, out)) {
    out = repair_utf8(out);
    return charset;
  }
  out = repair_utf8(bytes);
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
