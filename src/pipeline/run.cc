#include "pipeline/run.h"

#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_pipeline.h>

#include <memory>

namespace seismo {

void run_pipeline(DocumentReader& reader, const RunOptions& options,
                  const std::function<void(DocumentRecord&&)>& sink, const std::function<void()>& progress) {
  int threads = options.threads > 0 ? options.threads : tbb::info::default_concurrency();
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  // A few documents in flight per thread keeps cores busy while bounding
  // memory: the reader never runs ahead of the workers by more than this.
  size_t tokens = static_cast<size_t>(threads) * 4;
  tbb::parallel_pipeline(
      tokens,
      tbb::make_filter<void, std::shared_ptr<RawDocument>>(
          tbb::filter_mode::serial_in_order,
          [&](tbb::flow_control& fc) -> std::shared_ptr<RawDocument> {
            auto doc = std::make_shared<RawDocument>();
            if (!reader.next(*doc)) {
              fc.stop();
              return nullptr;
            }
            return doc;
          }) &
          tbb::make_filter<std::shared_ptr<RawDocument>, std::shared_ptr<DocumentRecord>>(
              tbb::filter_mode::parallel,
              [&](std::shared_ptr<RawDocument> raw) {
                return std::make_shared<DocumentRecord>(process_document(*raw, options.stages));
              }) &
          tbb::make_filter<std::shared_ptr<DocumentRecord>, void>(
              tbb::filter_mode::serial_in_order, [&](std::shared_ptr<DocumentRecord> d) {
                sink(std::move(*d));
                if (progress) progress();
              }));
}

}  // namespace seismo
