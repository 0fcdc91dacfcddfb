// IngestFile / IngestBytes: file errors, size limits, reader choice.
#include "ogicheck/ingest.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "test_paths.h"

namespace {

namespace fs = std::filesystem;
using ogicheck::ErrorCode;
using ogicheck::IngestBytes;
using ogicheck::IngestFile;
using ogicheck::IngestOptions;
using ogicheck::IngestResult;
using ogicheck::PrefetchFile;
using ogicheck::SourceText;
using ogicheck::testing::ReadFileOrDie;
using ogicheck::testing::SharedPath;

// A fresh directory under the system temp dir, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("ogicheck-ingest-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string Write(const std::string& name, const std::string& bytes) const {
    const std::string file = (path_ / name).string();
    std::ofstream out(file, std::ios::binary);
    out << bytes;
    return file;
  }
  std::string path() const { return path_.string(); }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

void CheckOneError(const IngestResult& result, const std::string& path, ErrorCode code,
                   const std::string& message) {
  CHECK(result.reports.empty());
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].path == path);
  CHECK(result.errors[0].record == "");
  CHECK(result.errors[0].status.code() == code);
  CHECK(result.errors[0].status.message() == message);
}

}  // namespace

TEST_CASE("IngestFile: a missing path is kNotFound") {
  const std::string path = "/nonexistent-ogicheck-dir/report.txt";
  CheckOneError(IngestFile(path), path, ErrorCode::kNotFound, "no such file: " + path);
}

TEST_CASE("IngestFile: a directory is kIo") {
  TempDir dir;
  CheckOneError(IngestFile(dir.path()), dir.path(), ErrorCode::kIo,
                dir.path() + ": is a directory, not a file");
}

TEST_CASE("IngestFile: an empty file is kEmpty, a blank one too") {
  TempDir dir;
  const std::string empty = dir.Write("empty.txt", "");
  CheckOneError(IngestFile(empty), empty, ErrorCode::kEmpty, empty + ": empty file");
  const std::string blank = dir.Write("blank.txt", " \r\n\t\xE3\x80\x80\n");
  CheckOneError(IngestFile(blank), blank, ErrorCode::kEmpty,
                blank + ": no text (only white space)");
}

TEST_CASE("IngestFile: a file over the limit is kTooLarge, one at the limit is read") {
  TempDir dir;
  IngestOptions options;
  options.max_file_bytes = 1000;
  const std::string over = dir.Write("over.txt", std::string(1001, 'a'));
  CheckOneError(IngestFile(over, options), over, ErrorCode::kTooLarge,
                over + ": file too large (1001 bytes; the limit is 1000 bytes)");
  CheckOneError(IngestBytes(std::string(1001, 'a'), "mem.txt", options), "mem.txt",
                ErrorCode::kTooLarge,
                "mem.txt: file too large (1001 bytes; the limit is 1000 bytes)");
  const std::string at = dir.Write("at.txt", std::string(1000, 'a'));
  const IngestResult result = IngestFile(at, options);
  CHECK(result.errors.empty());
  REQUIRE(result.reports.size() == 1);
  CHECK(result.reports[0].text.text().size() == 1000);
}

TEST_CASE("IngestFile: devices are read up to the limit, never without end") {
  IngestOptions options;
  options.max_file_bytes = 1000;
  CheckOneError(IngestFile("/dev/zero", options), "/dev/zero", ErrorCode::kTooLarge,
                "/dev/zero: file too large (more than 1000 bytes; the limit is 1000 bytes)");
  CheckOneError(IngestFile("/dev/null", options), "/dev/null", ErrorCode::kEmpty,
                "/dev/null: empty file");
  // A device has no size: the buffer grows from 64 KiB in steps, still stopping at the limit.
  options.max_file_bytes = 200000;
  CheckOneError(IngestFile("/dev/zero", options), "/dev/zero", ErrorCode::kTooLarge,
                "/dev/zero: file too large (more than 200000 bytes; the limit is 200000 bytes)");
}

TEST_CASE("IngestFile: a FIFO without a writer reads as empty instead of waiting for one") {
  TempDir dir;
  const std::string fifo = dir.path() + "/pipe.txt";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CheckOneError(IngestFile(fifo), fifo, ErrorCode::kEmpty, fifo + ": empty file");
}

TEST_CASE("IngestFile: a pipe is read to its end as the writer sends it") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  std::thread writer([&] {
    const std::string part = "本机关全年收到政府信息公开申请12件。\n";
    for (int i = 0; i < 3; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the reader waits, not fails
      CHECK(::write(fds[1], part.data(), part.size()) == static_cast<ssize_t>(part.size()));
    }
    ::close(fds[1]);
  });
  const IngestResult result = IngestFile("/dev/fd/" + std::to_string(fds[0]));
  writer.join();
  ::close(fds[0]);
  CHECK(result.errors.empty());
  REQUIRE(result.reports.size() == 1);
  CHECK(result.reports[0].text.text().size() == 3 * std::string("本机关全年收到政府信息公开申请12件。\n").size());
}

TEST_CASE("PrefetchFile leaves a named pipe alone: its writer's data reaches IngestFile") {
  TempDir dir;
  const std::string fifo = dir.path() + "/pipe.txt";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const std::string text = "本机关全年收到政府信息公开申请12件。\n";
  std::atomic<bool> writer_opened{false};
  // A regression would have the writer write to a pipe with no reader: EPIPE, a failed CHECK,
  // rather than SIGPIPE ending the test run.
  const auto old_sigpipe = std::signal(SIGPIPE, SIG_IGN);
  std::thread writer([&] {
    const int fd = ::open(fifo.c_str(), O_WRONLY);  // waits for a reader
    writer_opened = true;
    CHECK(::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
    ::close(fd);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the writer is in open() by now
  PrefetchFile(fifo);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK(!writer_opened);  // a prefetch that opened the pipe would have let the writer go
  const IngestResult result = IngestFile(fifo);
  writer.join();
  std::signal(SIGPIPE, old_sigpipe);
  CHECK(result.errors.empty());
  REQUIRE(result.reports.size() == 1);
  CHECK(result.reports[0].text.text() == text);
}

TEST_CASE("PrefetchFile: never waits and never fails, whatever the path names") {
  TempDir dir;
  const std::string fifo = dir.path() + "/pipe.txt";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  PrefetchFile(fifo);  // opening a FIFO without O_NONBLOCK would wait here for a writer
  PrefetchFile(dir.path() + "/missing.txt");
  PrefetchFile(dir.path());
  PrefetchFile("/dev/zero");
  const std::string file = dir.Write("a.txt", "第一行\n");
  PrefetchFile(file);
  CHECK(IngestFile(file).reports.size() == 1);
}

TEST_CASE("IngestFile: a file larger than one read is read whole") {
  TempDir dir;
  std::string text;
  while (text.size() < 300000) text += "第" + std::to_string(text.size()) + "行，本机关收到申请。\n";
  const std::string big = dir.Write("big.txt", text);
  const IngestResult result = IngestFile(big);
  CHECK(result.errors.empty());
  REQUIRE(result.reports.size() == 1);
  CHECK(result.reports[0].text.text() == text);
}

TEST_CASE("IngestFile: a read error is kIo") {
  // Offset 0 of a process's memory is never mapped, so reading it fails with EIO.
  CheckOneError(IngestFile("/proc/self/mem"), "/proc/self/mem", ErrorCode::kIo,
                "/proc/self/mem: cannot read: Input/output error");
}

TEST_CASE("IngestFile: random binary bytes under a text name give kEncoding, no crash") {
  TempDir dir;
  std::string bytes(8192, '\0');
  uint32_t x = 12345;
  for (char& c : bytes) {
    x = x * 1103515245u + 12345u;
    c = static_cast<char>(x >> 24);
  }
  const std::string path = dir.Write("noise.txt", bytes);
  const IngestResult result = IngestFile(path);
  CHECK(result.reports.empty());
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].status.code() == ErrorCode::kEncoding);
  CHECK(result.errors[0].status.message().rfind(path + ": binary data, not text (", 0) == 0);
}

TEST_CASE("IngestFile: a 50 MB text file is read whole") {
  TempDir dir;
  const std::string seed = ReadFileOrDie(SharedPath("seeds/002_8b61771959860ad5.txt"));
  const size_t copies = (50u << 20) / seed.size() + 1;
  std::string big;
  big.reserve(copies * seed.size());
  for (size_t i = 0; i < copies; ++i) big += seed;
  REQUIRE(big.size() > (50u << 20));
  const std::string path = dir.Write("big.txt", big);
  const IngestResult result = IngestFile(path);
  CHECK(result.errors.empty());
  REQUIRE(result.reports.size() == 1);
  const auto& report = result.reports[0];
  CHECK(report.encoding == "UTF-8");
  CHECK(report.text.original_size() == big.size());
  const std::string one = SourceText::FromUtf8(seed).text();
  CHECK(report.text.text().size() == copies * one.size());
  CHECK(report.text.text().compare(report.text.text().size() - one.size(), one.size(), one) == 0);
  // The last copy starts on line 1 + (copies - 1) * (lines per copy).
  const size_t lines = std::count(seed.begin(), seed.end(), '\n');
  CHECK(report.text.PosOf(static_cast<uint32_t>(report.text.text().size() - one.size())).line ==
        1 + (copies - 1) * lines);
}

TEST_CASE("IngestBytes picks the reader from the extension and the first bytes") {
  struct Case {
    const char* name;
    std::string bytes;
    const char* reader;  // "" when no reader takes it
  };
  const std::string record = R"({"标题":"t","内容":"正文"})";
  const Case cases[] = {
      {"a.txt", "正文", "text"},
      {"a.TXT", "正文", "text"},
      {"notes.md", "# 正文", "text"},
      {"README", "正文", "text"},
      {"a.csv", "正文,1", "text"},
      {"a.json", record, "crawl-json"},
      {"a.JSONL", record + "\n", "crawl-json"},
      {"a.ndjson", record + "\n", "crawl-json"},
      {"saved.dat", "\xEF\xBB\xBF  " + record, "crawl-json"},
      {"a.txt", record, "text"},  // the extension says text
  };
  for (const Case& c : cases) {
    const std::string name = c.name;
    CAPTURE(name);
    const IngestResult result = IngestBytes(c.bytes, c.name);
    REQUIRE(result.errors.empty());
    REQUIRE(result.reports.size() == 1);
    CHECK(result.reports[0].reader == std::string(c.reader));
    CHECK(result.reports[0].path == c.name);
  }
}

TEST_CASE("IngestBytes: no reader for binary data of unknown type or a container without one") {
  CheckOneError(IngestBytes(std::string("\0\x01\x02\x03\x04\x05", 6), "blob.bin"), "blob.bin",
                ErrorCode::kUnsupported,
                "blob.bin: no reader for .bin files (and the content is not text)");
  CheckOneError(IngestBytes(std::string("\0\x01\x02", 3), "blob"), "blob", ErrorCode::kUnsupported,
                "blob: no reader for files without an extension (and the content is not text)");
  CheckOneError(IngestBytes("PK\x03\x04", "archive.zip"), "archive.zip", ErrorCode::kUnsupported,
                "archive.zip: no reader for .zip files");
}

TEST_CASE("IngestBytes survives damaged inputs: each gives exactly one report or one error") {
  const std::string seed = ReadFileOrDie(SharedPath("seeds/001_e4b3ef95d49f1436.txt"));
  const std::string record = ReadFileOrDie(SharedPath("corpus/real/2017_hebei-gxt_2008.json"));
  uint32_t x = 7;
  const auto next = [&x](uint32_t bound) {
    x = x * 1664525u + 1013904223u;
    return (x >> 8) % bound;
  };
  for (int round = 0; round < 200; ++round) {
    const bool json = round % 2 == 1;
    std::string bytes = json ? record : seed;
    // Cut somewhere, then overwrite a few bytes with anything.
    bytes.resize(1 + next(static_cast<uint32_t>(bytes.size())));
    for (int k = 0, n = static_cast<int>(next(8)); k < n; ++k) {
      bytes[next(static_cast<uint32_t>(bytes.size()))] = static_cast<char>(next(256));
    }
    CAPTURE(round);
    const IngestResult result = IngestBytes(bytes, json ? "r.json" : "r.txt");
    CHECK(result.reports.size() + result.errors.size() == 1);
    for (const auto& error : result.errors) CHECK(!error.status.message().empty());
  }
}
