/// \file iati_batch_pipeline.cpp
/// \brief The two-stage batch pipeline (see iati_batch_pipeline.hpp).

#include "iati_batch_pipeline.hpp"

#include <utility>

namespace aidtrack::iati_detail {

BatchPipeline::BatchPipeline(BatchSource& source, std::size_t depth)
    : source_(source), depth_(depth == 0 ? 1 : depth), worker_([this] { run(); }) {}

BatchPipeline::~BatchPipeline() {
    {
        const std::lock_guard lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    worker_.join();
}

void BatchPipeline::run() {
    try {
        while (true) {
            std::unique_ptr<ParsedBatch> batch;
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [this] { return stop_ || ready_.size() < depth_; });
                if (stop_) return;
                if (!spare_.empty()) {
                    batch = std::move(spare_.back());
                    spare_.pop_back();
                }
            }
            if (!batch) batch = std::make_unique<ParsedBatch>();
            const bool parsed = source_.next(*batch);  // the long part, outside the lock
            {
                const std::lock_guard lock(mutex_);
                if (parsed) {
                    ready_.push_back(std::move(batch));
                } else {
                    finished_ = true;
                }
            }
            changed_.notify_all();
            if (!parsed) return;
        }
    } catch (...) {
        {
            const std::lock_guard lock(mutex_);
            error_ = std::current_exception();
            finished_ = true;
        }
        changed_.notify_all();
    }
}

std::unique_ptr<ParsedBatch> BatchPipeline::next() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !ready_.empty() || finished_; });
    if (!ready_.empty()) {
        std::unique_ptr<ParsedBatch> batch = std::move(ready_.front());
        ready_.pop_front();
        lock.unlock();
        changed_.notify_all();  // room for the worker
        return batch;
    }
    if (error_) std::rethrow_exception(error_);
    return nullptr;
}

void BatchPipeline::recycle(std::unique_ptr<ParsedBatch> batch) {
    const std::lock_guard lock(mutex_);
    spare_.push_back(std::move(batch));
}

}  // namespace aidtrack::iati_detail
