// Runs ingest -> extract -> language over a stream of inputs, parallel
// across documents, delivering results in input order.
#pragma once
#include <functional>

#include "ingest/ingest.h"
#include "pipeline/document.h"

namespace seismo {

struct RunOptions {
  int threads = 0;  // 0: all cores
  Stages stages;
};

// Calls `sink` once per document, in input order, on one thread at a time.
// `progress` (optional) is called from the same thread after each document.
void run_pipeline(DocumentReader& reader, const RunOptions& options,
                  const std::function<void(DocumentRecord&&)>& sink,
                  const std::function<void()>& progress = {});

}  // namespace seismo
