// JSON Lines: one object per line with "url" and "html" or "text" (or
// "content"), and an optional "date" (publication date).
#include <nlohmann/json.hpp>

#include "common/text.h"
#include "common/utf8.h"
#include "ingest/record_readers.h"

namespace seismo {
namespace {

class JsonlReader : public RecordReader {
 public:
  JsonlReader(ByteStream& in, std::string path, const ReaderOptions& options, ErrorSink on_error)
      : in_(in), path_(std::move(path)), options_(options), on_error_(std::move(on_error)) {}

  bool next(RawDocument& doc) override {
    std::string line;
    bool too_long = false;
    while (in_.read_line(line, options_.max_document_bytes * 2, too_long)) {
      ++line_no_;
      if (too_long) {
        error("line is longer than the " + std::to_string(options_.max_document_bytes * 2 >> 20) + " MiB limit; skipped");
        continue;
      }
      // A BOM belongs to the file, not to the first object.
      if (line_no_ == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
      if (trim(line).empty()) continue;
      size_t repaired = 0;
      auto j = nlohmann::json::parse(repair_utf8(line, &repaired), nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded()) {
        error("malformed JSON; line skipped");
        continue;
      }
      if (!j.is_object()) {
        error("not a JSON object; line skipped");
        continue;
      }
      std::string body;
      ContentFormat format = ContentFormat::kUnknown;
      for (const char* key : {"html", "text", "content"}) {
        auto it = j.find(key);
        if (it != j.end() && it->is_string()) {
          body = it->get<std::string>();
          if (std::string_view(key) == "html") format = ContentFormat::kHtml;
          else if (std::string_view(key) == "text") format = ContentFormat::kText;
          break;
        }
      }
      if (body.empty()) {
        error("no \"html\" or \"text\" field");
        continue;
      }
      std::string why;
      if (!make_document(body, "utf-8", doc, why)) {
        error(why);
        continue;
      }
      if (format != ContentFormat::kUnknown) doc.format = format;
      doc.repaired += repaired;
      if (doc.repaired > 0) error(repaired_warning(doc.repaired), true);
      auto url = j.find("url");
      doc.url = url != j.end() && url->is_string() ? url->get<std::string>() : std::string();
      doc.uri = doc.url.empty() ? path_ + "#line=" + std::to_string(line_no_) : doc.url;
      auto date = j.find("date");
      if (date != j.end() && date->is_string()) doc.date_hint = date->get<std::string>();
      return true;
    }
    if (!in_.error().empty()) error(in_.error());
    return false;
  }

 private:
  void error(const std::string& what, bool warning = false) {
    on_error_({path_ + " line " + std::to_string(line_no_), what, warning});
  }

  ByteStream& in_;
  std::string path_;
  ReaderOptions options_;
  ErrorSink on_error_;
  size_t line_no_ = 0;
};

}  // namespace

std::unique_ptr<RecordReader> make_jsonl_reader(ByteStream& in, std::string path, const ReaderOptions& options,
                                                ErrorSink on_error) {
  return std::make_unique<JsonlReader>(in, std::move(path), options, std::move(on_error));
}

}  // namespace seismo
