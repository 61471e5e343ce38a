import ReactMarkdown from "react-markdown";

/**
 * Renders trusted-format but untrusted-content Markdown (policy texts, later templates):
 * raw HTML is dropped, only ordinary elements come out, and links to other sites are marked.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <ReactMarkdown
      skipHtml
      components={{
        h1: ({ children }) => <h2 className="mt-8 text-2xl font-bold">{children}</h2>,
        h2: ({ children }) => <h2 className="mt-8 text-xl font-bold">{children}</h2>,
        h3: ({ children }) => <h3 className="mt-6 text-lg font-semibold">{children}</h3>,
        p: ({ children }) => <p className="mt-3 leading-relaxed">{children}</p>,
        ul: ({ children }) => <ul className="mt-3 list-disc space-y-1 pl-6">{children}</ul>,
        ol: ({ children }) => <ol className="mt-3 list-decimal space-y-1 pl-6">{children}</ol>,
        a: ({ href, children }) => (
          <a href={href} className="text-brand-800 underline" rel="noopener noreferrer">
            {children}
          </a>
        ),
      }}
    >
      {children}
    </ReactMarkdown>
  );
}
