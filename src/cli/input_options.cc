#include "cli/commands.h"

namespace seismo::cli {

ReaderOptions InputOptions::reader() const {
  ReaderOptions ro;
  ro.max_document_bytes = max_doc_mb << 20;
  return ro;
}

std::shared_ptr<InputOptions> add_input_options(CLI::App* cmd) {
  auto in = std::make_shared<InputOptions>();
  cmd->add_option("paths", in->paths, "files, directories, or - for stdin")->required();
  cmd->add_option("--max-doc-mb", in->max_doc_mb, "refuse documents larger than this (MiB)")->capture_default_str();
  return in;
}

}  // namespace seismo::cli
